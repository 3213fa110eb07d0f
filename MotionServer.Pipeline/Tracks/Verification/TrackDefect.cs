namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>One thing wrong with a track.</summary>
/// <param name="Kind">What kind of damage.</param>
/// <param name="Text">A sentence for the staff, e.g. <c>bad checksum in frame 0x0AD4 at offset 1084</c>.</param>
internal sealed record TrackDefect(TrackDefectKind Kind, string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
