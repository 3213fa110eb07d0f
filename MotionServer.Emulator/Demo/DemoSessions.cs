namespace MotionServer.Emulator.Demo;

/// <summary>
/// How long the demo's sessions last and where they sit in the day, as at events: most sessions 25 minutes to
/// 2.5 hours (median about 50 minutes: some 0.75 MB at 5 Hz), and a few long logs of 5–12 MB — a day log, a
/// downwinder, a device left logging all day — so the dashboards show downloads in progress with their rate and
/// time remaining. A device's sessions never overlap and all start today, before now.
/// </summary>
internal static class DemoSessions
{
    /// <summary>Half the window of start times before now (the window is twice this when the day allows).</summary>
    public static readonly TimeSpan WindowSpan = TimeSpan.FromHours(6);

    /// <summary>The device that sailed the slow session the server skips (best 500 m under 1 knot: carried up the beach).</summary>
    public const int SlowSessionDevice = 802;

    /// <summary>Devices with one long log of the day, and how long.</summary>
    private static readonly Dictionary<int, TimeSpan> LongLogs = new()
    {
        [DemoFleet.OneLogPerDayDevice] = TimeSpan.FromHours(6),
        [806] = TimeSpan.FromHours(12), // left logging all day
        [811] = TimeSpan.FromHours(8),  // a downwinder
    };

    /// <summary>How many of today's logs a device carries.</summary>
    public static int Count(Random random, int deviceId, bool oneLogPerDay) =>
        oneLogPerDay || LongLogs.ContainsKey(deviceId) ? 1 : 1 + random.Next(4);

    /// <summary>The start (from the window's start) and length of the device's log <paramref name="index"/> of <paramref name="count"/>.</summary>
    public static (TimeSpan Offset, TimeSpan Length) Place(Random random, int deviceId, int index, int count, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(random);
        var slot = window / count;
        var offset = slot * (index + (0.25 * random.NextDouble()));
        var length = LongLogs.TryGetValue(deviceId, out var fixedLength)
            ? fixedLength
            : TimeSpan.FromMinutes(25 + (random.NextDouble() * random.NextDouble() * 130));
        var room = slot * 0.7; // ends before the next slot (and before now)
        return (offset, length < room ? length : room);
    }
}
