namespace MotionServer.Pipeline.State;

/// <summary>A device's ledger entries by status; the track in transfer now counts as downloading, not queued.</summary>
public sealed record TrackCounts(int Queued, int Downloading, int Completed, int Skipped, int Failed)
{
    /// <summary>No tracks at all.</summary>
    public static TrackCounts None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Tracks the device still owes: queued, downloading or failed.</summary>
    public int Owed => Queued + Downloading + Failed;
}
