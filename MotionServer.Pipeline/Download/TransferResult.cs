using MotionServer.Pipeline.Tracks.Results;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Pipeline.Download;

/// <summary>How one track transfer ended.</summary>
internal abstract record TransferResult
{
    /// <summary>
    /// Complete, length checked, at its final name. <paramref name="Verdict"/>: what verification found (null when the
    /// track was not verified); <paramref name="Refetched"/>: the track was fetched a second time because the first
    /// copy failed verification; <paramref name="Results"/>: the track's results by the rules (null when not checked).
    /// </summary>
    public sealed record Completed(long Bytes, TrackVerdict? Verdict = null, bool Refetched = false, TrackResults? Results = null) : TransferResult;

    /// <summary>Failed; nothing was left at the final name. <paramref name="DeviceUnreachable"/>: the device seems gone, stop asking it.</summary>
    public sealed record Failed(string Reason, bool DeviceUnreachable) : TransferResult;

    /// <summary>The server is stopping; the partial file was removed.</summary>
    public sealed record Cancelled : TransferResult;
}
