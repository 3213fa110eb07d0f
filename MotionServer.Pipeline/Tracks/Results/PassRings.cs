using System.Buffers;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The rings of track passes (histories, the alpha's leads and path), rented for a pass and given back when it ends
/// (<see cref="TrackResultsCalculator.Dispose"/>). Each pass took 3–5 MB of new rings at 10 Hz, the largest part of
/// what the server allocated while tracks landed (benchmarks/README.md). A pass reads only the entries it wrote (a test
/// compares the figures from new and from reused rings); a rented ring is cleared all the same, as a new array would
/// be, so that no later change can make a pass's figures depend on the track before it (a millisecond against a pass
/// of tens).
/// </summary>
internal sealed class PassRings
{
    /// <summary>
    /// Rings kept per size and kind: two, as passes overlap when downloads end together; a third pass at once takes new
    /// rings, which the collector takes back. Not the shared pool: its cache keeps a ring on each thread that gives one
    /// back, and a pass runs on whichever pool thread ends a download, so it would keep rings per thread rather than
    /// reuse them.
    /// </summary>
    public const int KeptPerSize = 2;

    private readonly ArrayPool<HistoryEntry> _histories = ArrayPool<HistoryEntry>.Create(FrameHistory.MaximumCapacity, KeptPerSize);
    private readonly ArrayPool<long> _longs = ArrayPool<long>.Create(FrameHistory.MaximumCapacity, KeptPerSize);
    private readonly ArrayPool<double> _doubles = ArrayPool<double>.Create(FrameHistory.MaximumCapacity, KeptPerSize);

    /// <summary>The server's rings, shared by every pass.</summary>
    public static PassRings Shared { get; } = new();

    /// <summary>A cleared ring of at least <paramref name="capacity"/> history entries (the first <paramref name="capacity"/> are used).</summary>
    public HistoryEntry[] RentHistory(int capacity) => Cleared(_histories, capacity);

    /// <summary>A cleared ring of at least <paramref name="capacity"/> whole numbers.</summary>
    public long[] RentLongs(int capacity) => Cleared(_longs, capacity);

    /// <summary>A cleared ring of at least <paramref name="capacity"/> real numbers.</summary>
    public double[] RentDoubles(int capacity) => Cleared(_doubles, capacity);

    /// <summary>Gives <paramref name="ring"/> back (if any) and forgets it: a second call does nothing.</summary>
    public void Return(ref HistoryEntry[]? ring) => GiveBack(_histories, ref ring);

    /// <inheritdoc cref="Return(ref HistoryEntry[])"/>
    public void Return(ref long[]? ring) => GiveBack(_longs, ref ring);

    /// <inheritdoc cref="Return(ref HistoryEntry[])"/>
    public void Return(ref double[]? ring) => GiveBack(_doubles, ref ring);

    private static T[] Cleared<T>(ArrayPool<T> pool, int capacity)
    {
        var ring = pool.Rent(capacity);
        Array.Clear(ring, 0, capacity);
        return ring;
    }

    private static void GiveBack<T>(ArrayPool<T> pool, ref T[]? ring)
    {
        if (ring is not null)
        {
            pool.Return(ring);
        }

        ring = null;
    }
}
