using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Host.Verify;

/// <summary>One line of the table: a target and what verification found (null verdict: the file is missing).</summary>
internal sealed record VerifyRow(VerifyTarget Target, TrackVerdict? Verdict)
{
    /// <summary>True when the track is valid.</summary>
    public bool Passed => Verdict is { IsValid: true };

    /// <summary><c>valid</c>, <c>damaged</c> or <c>missing</c>.</summary>
    public string Word => Verdict?.Word ?? "missing";
}
