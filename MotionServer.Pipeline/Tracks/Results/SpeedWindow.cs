namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>A sliding window over a <see cref="FrameHistory"/>: after each frame added, the window ending at it, if any.</summary>
internal abstract class SpeedWindow
{
    /// <summary>The window ending at the newest frame; false while the frames so far do not fill one.</summary>
    public abstract bool TryEndingAtNewest(FrameHistory history, out WindowSpeed window);
}
