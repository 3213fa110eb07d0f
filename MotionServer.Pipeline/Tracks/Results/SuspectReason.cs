namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// Why a track is suspect, in words the staff understand, e.g.
/// <c>2 s 61.2 kn at 10:31:13 is a glitch (4 satellites, HDOP 99.99, 25 m/s² acceleration); by the rules 2 s is 22.6 kn</c>.
/// </summary>
/// <param name="Category">The category's key as in the contract's Results (<c>2s</c>, <c>500m</c>, …).</param>
/// <param name="At">When the suspect window ends (UTC), when a window is to blame.</param>
/// <param name="Text">The whole sentence.</param>
internal sealed record SuspectReason(string Category, DateTimeOffset? At, string Text);
