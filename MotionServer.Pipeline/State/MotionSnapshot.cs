namespace MotionServer.Pipeline.State;

/// <summary>
/// One device as it stands at one moment: an immutable copy, safe to keep and to read from any thread.
/// Fields not yet known are null.
/// </summary>
public sealed record MotionSnapshot
{
    /// <summary>Device id, e.g. 817.</summary>
    public required int Id { get; init; }

    /// <summary>Host name, e.g. <c>motion-817</c>.</summary>
    public required string Hostname { get; init; }

    /// <summary>Current status.</summary>
    public required MotionStatus Status { get; init; }

    /// <summary>When the current status began (null while waiting).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Last time the device was found on the network (survives restarts).</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Last time every track it owed was downloaded (survives restarts).</summary>
    public DateTimeOffset? LastCompleted { get; init; }

    /// <summary>Network address while known.</summary>
    public string? Address { get; init; }

    /// <summary>Battery level, percent.</summary>
    public int? Battery { get; init; }

    /// <summary>Storage used, percent.</summary>
    public int? Storage { get; init; }

    /// <summary>Firmware name, as the device reports it (untrusted text).</summary>
    public string? Firmware { get; init; }

    /// <summary>Owner name set on the device (untrusted text).</summary>
    public string? Username { get; init; }

    /// <summary>Competitor names from the roster rows for this device (today's first).</summary>
    public string? Competitor { get; init; }

    /// <summary>Things the staff should look at: low battery, full storage, unexpected settings, unapproved firmware, wrong identifier.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Ledger entries by status.</summary>
    public TrackCounts Tracks { get; init; } = TrackCounts.None;

    /// <summary>Total size of the completed tracks.</summary>
    public long BytesDownloaded { get; init; }

    /// <summary>The track in transfer now, if any.</summary>
    public TransferProgress? Transfer { get; init; }

    /// <summary>Why the device needs attention (its failures keep coming back), or null.</summary>
    public string? Attention { get; init; }

    /// <summary>The reason of the last failure, or null.</summary>
    public string? LastError { get; init; }

    /// <summary>Consecutive failed attempts.</summary>
    public int FailedAttempts { get; init; }

    /// <summary>The device's tracks, as its ledger records them, newest first.</summary>
    public IReadOnlyList<TrackSnapshot> TrackList { get; init; } = [];

    /// <summary>Its completed tracks whose file failed verification (kept as downloaded), newest first.</summary>
    public IReadOnlyList<TrackSnapshot> DamagedTracks => Matching(static t => t.IsDamaged);

    /// <summary>Its completed tracks the rules find suspect (kept and counted like any other), newest first.</summary>
    internal IReadOnlyList<TrackSnapshot> SuspectTracks => Matching(static t => t.IsSuspect);

    /// <summary>True when every track it owes is downloaded and it was not failed since: the staff may take it.</summary>
    public bool CanBeDisconnected => Status == MotionStatus.Completed && Tracks.Owed == 0;

    // Read for every device at every dashboard tick, where nearly every answer is empty: an empty answer allocates nothing.
    private IReadOnlyList<TrackSnapshot> Matching(Func<TrackSnapshot, bool> wanted)
    {
        List<TrackSnapshot>? found = null;
        foreach (var track in TrackList)
        {
            if (wanted(track))
            {
                (found ??= []).Add(track);
            }
        }

        return found is null ? Array.Empty<TrackSnapshot>() : found;
    }
}
