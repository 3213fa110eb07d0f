using System.Globalization;

namespace MotionServer.Pipeline.Tracks;

/// <summary>
/// Units of the device's figures and the words the log uses for them:
/// <c>0.9 MiB, 5.9 hours, 25.2 km, 14.8 knots (500m)</c>.
/// </summary>
internal static class TrackFigures
{
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
