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

    /// <summary>
    /// The copy at the final name failed verification and the fetch to compare it with did not happen
    /// (<paramref name="Refetch"/>: the <see cref="Failed"/> or <see cref="Cancelled"/> it ended as). The copy is kept
    /// at its final name with its <paramref name="Verdict"/>, but the track is not complete: it stays owed, and the next
    /// visit fetches it again and replaces the copy only with a better one.
    /// </summary>
    public sealed record DamagedKept(long Bytes, TrackVerdict Verdict, TransferResult Refetch) : TransferResult;

    /// <summary>Failed; nothing was left at the final name. <paramref name="DeviceUnreachable"/>: the device seems gone, stop asking it.</summary>
    public sealed record Failed(string Reason, bool DeviceUnreachable) : TransferResult;

    /// <summary>The server is stopping; the partial file was removed.</summary>
    public sealed record Cancelled : TransferResult;
}
