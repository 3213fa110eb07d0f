namespace MotionServer.Pipeline.State;

/// <summary>One of a device's tracks, as its ledger records it.</summary>
/// <param name="FileName">Local file name, <c>&lt;FileId&gt;_&lt;id&gt;_&lt;yyyyMMdd&gt;_&lt;HHmmss&gt;.oao</c>.</param>
/// <param name="Status">Ledger status: <c>queued</c>, <c>skipped</c>, <c>failed</c> or <c>completed</c> (or <c>downloading</c> while in transfer).</param>
/// <param name="Size">Bytes announced by the device.</param>
/// <param name="LocalStart">Local start date and time (device time zone applied).</param>
/// <param name="Duration">Recording length.</param>
/// <param name="DistanceMillimetres">Distance, as the device reports it.</param>
/// <param name="Best500mMillimetresPerSecond">Best 500 m speed, as the device reports it.</param>
/// <param name="Competitor">The competitor the roster gives the track to.</param>
/// <param name="Error">Why the last attempt failed, when it did.</param>
/// <param name="Verification">What verification found in the file (completed tracks verified by this version), or null.</param>
public sealed record TrackSnapshot(
    string FileName,
    string Status,
    long Size,
    DateTime LocalStart,
    TimeSpan Duration,
    long DistanceMillimetres,
    long Best500mMillimetresPerSecond,
    string? Competitor,
    string? Error,
    TrackVerificationSnapshot? Verification = null)
{
    /// <summary>
    /// The track's results by the speed-sailing rules, as its ledger records them (completed tracks checked by this
    /// version), or null. Internal until the results' shape is settled for embedders.
    /// </summary>
    internal Tracks.Results.TrackResults? Results { get; init; }

    /// <summary>True when the track is completed and the rules find it suspect.</summary>
    internal bool IsSuspect => Results is { IsSuspect: true } && string.Equals(Status, "completed", StringComparison.Ordinal);

    /// <summary>True when the track is completed and its file failed verification.</summary>
    public bool IsDamaged => Verification is { IsDamaged: true } && string.Equals(Status, "completed", StringComparison.Ordinal);
}
