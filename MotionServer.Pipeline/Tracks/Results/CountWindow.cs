namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The device's 2 s and 10 s (oao-format §9): the mean of the speeds of N = k·f consecutive frames, truncated to
/// a whole mm/s, whatever their spacing. This is what reproduces the header exactly. <see cref="SpeedWindow.Start"/>
/// is the frame before the N (the window's origin), so its first frame is the one after it.
/// </summary>
internal sealed class CountWindow(int frames) : SpeedWindow
{
    /// <inheritdoc />
    public override bool TrySpeed(FrameHistory history, out double speed)
    {
        long newest = history.Newest;
        long anchor = newest - frames;
        if (frames <= 0 || anchor < history.SegmentStart - 1 || anchor + 1 < history.Oldest)
        {
            speed = 0;
            return false;
        }

        long before = anchor >= history.SegmentStart ? history[anchor].SpeedSum : 0;
        speed = (history.Last.SpeedSum - before) / frames;
        Start = anchor;
        return true;
    }

    /// <inheritdoc />
    public override WindowSpeed Describe(FrameHistory history, double speed)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new WindowSpeed(speed, Start, history[Start + 1].Utc, history.Last.Utc);
    }
}
