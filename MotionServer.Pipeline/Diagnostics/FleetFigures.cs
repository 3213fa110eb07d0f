using System.Diagnostics.Metrics;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Diagnostics;

/// <summary>
/// The metrics read from the fleet's snapshot. One snapshot serves every instrument of a collection: it is taken again
/// only when the last one is older than <see cref="MaxAge"/>, so a collector reading every second costs one snapshot a
/// second whatever the number of instruments.
/// </summary>
internal sealed class FleetFigures(TimeProvider time)
{
    /// <summary>How long one snapshot serves.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(0.5);

    private readonly Lock _gate = new();
    private IMotionFleet? _fleet;
    private FleetSnapshot? _snapshot;
    private long _takenAt;

    /// <summary>Reads from <paramref name="fleet"/> from now on.</summary>
    public void Observe(IMotionFleet fleet)
    {
        lock (_gate)
        {
            _fleet = fleet;
            _snapshot = null;
        }
    }

    /// <summary>Every status, with the number of devices in it (zero included, so a graph shows the status leaving).</summary>
    public IEnumerable<Measurement<int>> DevicesByStatus()
    {
        if (Snapshot() is not { } snapshot)
        {
            return [];
        }

        var counts = new int[Enum.GetValues<MotionStatus>().Length];
        foreach (var motion in snapshot.Motions)
        {
            counts[(int)motion.Status]++;
        }

        return Enum.GetValues<MotionStatus>().Select(status =>
            new Measurement<int>(counts[(int)status], new KeyValuePair<string, object?>("status", status.ToContractName())));
    }

    /// <summary>Bytes of tracks downloaded, over the fleet.</summary>
    public IEnumerable<Measurement<long>> BytesDownloaded() =>
        Snapshot() is { } snapshot ? [new Measurement<long>(snapshot.Motions.Sum(m => m.BytesDownloaded))] : [];

    /// <summary>The fleet's tracks that <paramref name="counts"/>.</summary>
    public IEnumerable<Measurement<long>> Tracks(Func<TrackSnapshot, bool> counts) =>
        Snapshot() is { } snapshot ? [new Measurement<long>(snapshot.Motions.Sum(m => (long)m.TrackList.Count(counts)))] : [];

    private FleetSnapshot? Snapshot()
    {
        lock (_gate)
        {
            if (_fleet is null)
            {
                return null;
            }

            if (_snapshot is null || time.GetElapsedTime(_takenAt) > MaxAge)
            {
                _snapshot = _fleet.GetSnapshot();
                _takenAt = time.GetTimestamp();
            }

            return _snapshot;
        }
    }
}
