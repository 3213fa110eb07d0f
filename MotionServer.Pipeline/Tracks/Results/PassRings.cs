namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The rings of track passes (histories, the alpha's leads and path), taken for a pass and given back when it ends
/// (<see cref="TrackResultsCalculator.Dispose"/>). Each pass took 3–5 MB of new rings at 10 Hz, the largest part of
/// what the server allocated while tracks landed (benchmarks/README.md). A pass reads only the entries it wrote (a test
/// compares the figures from new and from reused rings); a ring taken again is cleared all the same, as a new array
/// would be, so that no later change can make a pass's figures depend on the track before it (a millisecond against a
/// pass of tens).
/// </summary>
internal sealed class PassRings
{
    /// <summary>
    /// Rings kept per kind: two, as passes overlap when downloads end together; a third pass at once takes new rings,
    /// which the collector takes back. Two of any size, the largest (<see cref="RingShelf{T}"/>), not two of every size:
    /// what stays between passes is bounded by the longest track's rings. Not the shared pool: its cache keeps a ring on
    /// each thread that gives one back, and a pass runs on whichever pool thread ends a download, so it would keep rings
    /// per thread rather than reuse them.
    /// </summary>
    public const int KeptPerKind = 2;

    private readonly RingShelf<HistoryEntry> _histories = new(KeptPerKind);
    private readonly RingShelf<long> _longs = new(KeptPerKind);
    private readonly RingShelf<double> _doubles = new(KeptPerKind);

    /// <summary>The server's rings, shared by every pass.</summary>
    public static PassRings Shared { get; } = new();

    /// <summary>A cleared ring of at least <paramref name="capacity"/> history entries (the first <paramref name="capacity"/> are used).</summary>
    public HistoryEntry[] RentHistory(int capacity) => _histories.Take(capacity);

    /// <summary>A cleared ring of at least <paramref name="capacity"/> whole numbers.</summary>
    public long[] RentLongs(int capacity) => _longs.Take(capacity);

    /// <summary>A cleared ring of at least <paramref name="capacity"/> real numbers.</summary>
    public double[] RentDoubles(int capacity) => _doubles.Take(capacity);

    /// <summary>Gives <paramref name="ring"/> back (if any) and forgets it: a second call does nothing.</summary>
    public void Return(ref HistoryEntry[]? ring) => GiveBack(_histories, ref ring);

    /// <inheritdoc cref="Return(ref HistoryEntry[])"/>
    public void Return(ref long[]? ring) => GiveBack(_longs, ref ring);

    /// <inheritdoc cref="Return(ref HistoryEntry[])"/>
    public void Return(ref double[]? ring) => GiveBack(_doubles, ref ring);

    private static void GiveBack<T>(RingShelf<T> shelf, ref T[]? ring)
    {
        if (ring is not null)
        {
            shelf.Put(ring);
        }

        ring = null;
    }
}
