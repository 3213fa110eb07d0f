using System.Globalization;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// Writes times the way the staff at the tent read them: in the laptop's time zone (the event's), with the date
/// only when it is not today, and "3 min ago" beside them.
/// </summary>
internal sealed class LocalClock
{
    /// <summary>Creates a clock for one render, <paramref name="now"/> being the snapshot's time.</summary>
    public LocalClock(TimeZoneInfo zone, DateTimeOffset now)
    {
        Zone = zone;
        UtcNow = now.ToUniversalTime();
        Now = TimeZoneInfo.ConvertTime(now, zone);
    }

    /// <summary>The laptop's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Now, in UTC.</summary>
    public DateTimeOffset UtcNow { get; }

    /// <summary>Now, local.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Now as a full local date and time, e.g. <c>2025-10-12 17:48:21</c>.</summary>
    public string NowText => Now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The offset from UTC, e.g. <c>UTC+02:00</c>.</summary>
    public string OffsetText
    {
        get
        {
            var offset = Now.Offset;
            string sign = offset < TimeSpan.Zero ? "-" : "+";
            return string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{offset.Duration():hh\\:mm}");
        }
    }

    /// <summary>The local time of <paramref name="time"/>: <c>17:48:19</c> today, <c>2025-10-11 17:48</c> on another day, "—" when unknown.</summary>
    public string Format(DateTimeOffset? time)
    {
        if (time is not { } t)
        {
            return DisplayText.Unknown;
        }

        var local = TimeZoneInfo.ConvertTime(t, Zone);
        return local.Date == Now.Date
            ? local.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>How long ago <paramref name="time"/> was, e.g. <c>3 min ago</c>; "" when unknown.</summary>
    public string Ago(DateTimeOffset? time)
    {
        if (time is not { } t)
        {
            return "";
        }

        var elapsed = UtcNow - t.ToUniversalTime();
        if (elapsed < TimeSpan.FromSeconds(10))
        {
            return "just now"; // also a time slightly in the future (clocks of two threads)
        }

        return FormatSpan(elapsed) + " ago";
    }

    /// <summary>A length of time in words: <c>45 s</c>, <c>12 min</c>, <c>5 h 54 min</c>, <c>2 days</c>.</summary>
    public static string FormatSpan(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        var c = CultureInfo.InvariantCulture;
        if (span < TimeSpan.FromMinutes(1))
        {
            return string.Create(c, $"{(int)span.TotalSeconds} s");
        }

        if (span < TimeSpan.FromHours(1))
        {
            return string.Create(c, $"{(int)span.TotalMinutes} min");
        }

        if (span < TimeSpan.FromDays(1))
        {
            return span.Minutes == 0
                ? string.Create(c, $"{(int)span.TotalHours} h")
                : string.Create(c, $"{(int)span.TotalHours} h {span.Minutes} min");
        }

        int days = (int)span.TotalDays;
        return days == 1 ? "1 day" : string.Create(c, $"{days} days");
    }
}
