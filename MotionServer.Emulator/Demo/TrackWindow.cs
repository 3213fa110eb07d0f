namespace MotionServer.Emulator.Demo;

/// <summary>Where today's logs fit: before now when the day allows it, and always on today's date.</summary>
internal static class TrackWindow
{
    private static readonly TimeSpan EarliestStart = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A window of start times on today's date ending a little before <paramref name="now"/> (time of day),
    /// <paramref name="span"/> long at most; early in the morning, the first hours of the day.
    /// </summary>
    public static (TimeSpan From, TimeSpan To) Before(TimeSpan now, TimeSpan span)
    {
        var to = now - Margin;
        if (to < EarliestStart + TimeSpan.FromMinutes(30))
        {
            return (EarliestStart, EarliestStart + span);
        }

        var from = to - span - span;
        return (from < EarliestStart ? EarliestStart : from, to);
    }
}
