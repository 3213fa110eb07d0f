using System.Globalization;

namespace MotionServer.Pipeline.Tracks;

/// <summary>
/// A track's figures as its device announces them in logs.json and its ledger entry records them, in the device's units
/// (bytes, ms since the epoch, ms, mm, mm/s): one value carried from the device's log to the ledger entry and to the
/// verifier (what the device claims), never copied figure by figure. A zero figure means "not recorded". With it, the
/// figures' units and the words the log uses for them: <c>0.9 MiB, 5.9 hours, 25.2 km, 14.8 knots (500m)</c>.
/// </summary>
/// <param name="Size">logs.json <c>size</c>: the announced length, bytes.</param>
/// <param name="StartDate">logs.json <c>start_date</c>, ms since the epoch (UTC).</param>
/// <param name="EndDate">logs.json <c>end_date</c>, ms since the epoch (UTC).</param>
/// <param name="Duration">logs.json <c>duration</c>, ms.</param>
/// <param name="Distance">logs.json <c>distance</c>, mm.</param>
/// <param name="Best2s">logs.json <c>2s_best</c>, mm/s.</param>
/// <param name="Best10s">logs.json <c>10s_best</c>, mm/s.</param>
/// <param name="Best500m">logs.json <c>500m_best</c>, mm/s.</param>
internal sealed record TrackFigures(long Size, long StartDate, long EndDate, long Duration, long Distance, long Best2s, long Best10s, long Best500m)
{
    /// <summary>Nothing recorded.</summary>
    public static TrackFigures None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The summary the log writes after the track's name: size, duration, distance and best 500 m.</summary>
    public string Summary() => Summary(Size, Duration, Distance, Best500m);

    /// <summary>Millimetres per second in one knot (1852 m per hour).</summary>
    public const double MillimetresPerSecondPerKnot = 1852.0 * 1000 / 3600;

    /// <summary>Converts mm/s to knots.</summary>
    public static double ToKnots(long millimetresPerSecond) => millimetresPerSecond / MillimetresPerSecondPerKnot;

    /// <summary>Converts knots to mm/s.</summary>
    public static double KnotsToMillimetresPerSecond(double knots) => knots * MillimetresPerSecondPerKnot;

    /// <summary>Bytes as MiB with one decimal, e.g. <c>0.9 MiB</c>.</summary>
    public static string FormatSize(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MiB");

    /// <summary>Milliseconds as hours with one decimal, e.g. <c>5.9 hours</c>.</summary>
    public static string FormatDuration(long milliseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 3_600_000.0:0.0} hours");

    /// <summary>Millimetres as km with one decimal, e.g. <c>25.2 km</c>.</summary>
    public static string FormatDistance(long millimetres) =>
        string.Create(CultureInfo.InvariantCulture, $"{millimetres / 1_000_000.0:0.0} km");

    /// <summary>mm/s as knots with one decimal, e.g. <c>14.8 knots</c>.</summary>
    public static string FormatSpeed(long millimetresPerSecond) =>
        string.Create(CultureInfo.InvariantCulture, $"{ToKnots(millimetresPerSecond):0.0} knots");

    /// <summary>
    /// Adds two figures without overflow: a sum beyond <see cref="long"/> stays at its bound. Sums of a day's distances or
    /// a device's bytes must never throw (a checked overflow once stopped every dashboard tick for the rest of an event).
    /// </summary>
    internal static long AddSaturating(long a, long b)
    {
        long sum = unchecked(a + b);
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : sum;
    }

    /// <summary>The summary the log writes after a track's name: size, duration, distance and best 500 m.</summary>
    public static string Summary(long size, long durationMilliseconds, long distanceMillimetres, long best500mMillimetresPerSecond) =>
        $"{FormatSize(size)}, {FormatDuration(durationMilliseconds)}, {FormatDistance(distanceMillimetres)}, {FormatSpeed(best500mMillimetresPerSecond)} (500m)";

    /// <summary>The 2 s and 10 s bests the <c>downloaded</c> line appends: <c>, 2s 15.1 / 10s 14.9 knots</c>.</summary>
    public static string ShortBests(long best2sMillimetresPerSecond, long best10sMillimetresPerSecond) =>
        string.Create(CultureInfo.InvariantCulture, $", 2s {ToKnots(best2sMillimetresPerSecond):0.0} / 10s {ToKnots(best10sMillimetresPerSecond):0.0} knots");
}
