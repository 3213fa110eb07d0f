namespace MotionServer.Emulator.Demo;

/// <summary>Turns a wall-clock time on an event day into the instant a device records, given its time zone.</summary>
internal static class EventDay
{
    /// <summary>
    /// The instant whose local time, for a device <paramref name="timezoneMinutes"/> east of UTC, is
    /// <paramref name="timeOfDay"/> on <paramref name="day"/>: the server, adding the log's time zone back,
    /// finds the track on that day.
    /// Whole seconds, like the firmware's start dates.
    /// </summary>
    public static DateTimeOffset At(DateOnly day, TimeSpan timeOfDay, int timezoneMinutes) =>
        new(day.ToDateTime(TimeOnly.MinValue).AddSeconds(Math.Floor(timeOfDay.TotalSeconds)), TimeSpan.FromMinutes(timezoneMinutes));

    /// <summary>Today's date and time of day on <paramref name="timeProvider"/>'s local clock.</summary>
    public static (DateOnly Day, TimeSpan TimeOfDay) Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var now = timeProvider.GetLocalNow();
        return (DateOnly.FromDateTime(now.DateTime), now.TimeOfDay);
    }
}
