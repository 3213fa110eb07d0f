namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The device's 2 s and 10 s (oao-format §9): the mean of the speeds of N = k·f consecutive frames, truncated to
/// a whole mm/s, whatever their spacing. This is what reproduces the header exactly.
/// </summary>
internal sealed class CountWindow(int frames) : SpeedWindow
{
    /// <inheritdoc />
    public override bool TryEndingAtNewest(FrameHistory history, out WindowSpeed window)
    {
        long newest = history.Newest;
        long anchor = newest - frames;
        if (frames <= 0 || anchor < history.SegmentStart - 1 || anchor + 1 < history.Oldest)
        {
            window = default;
            return false;
        }

        long before = anchor >= history.SegmentStart ? history[anchor].SpeedSum : 0;
        long sum = history.Last.SpeedSum - before;
        window = new WindowSpeed(sum / frames, anchor, history[anchor + 1].Utc, history.Last.Utc);
        return true;
    }
}
