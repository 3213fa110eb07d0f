using System.Globalization;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>A transfer's rate and time remaining, in words for the pages and as numbers for status.json.</summary>
internal static class TransferFigures
{
    /// <summary>Bytes per second, whole, or null while unknown.</summary>
    public static long? Rate(TransferProgress? transfer) =>
        transfer?.BytesPerSecond is { } rate ? (long)Math.Round(rate) : null;

    /// <summary>Seconds until every owed track is in, rounded up, or null while unknown.</summary>
    public static long? RemainingSeconds(TransferProgress? transfer) =>
        transfer?.Remaining is { } left ? (long)Math.Ceiling(left.TotalSeconds) : null;

    /// <summary>E.g. <c>620 KiB/s</c> or <c>1.2 MiB/s</c>; "" while unknown.</summary>
    public static string RateText(TransferProgress? transfer)
    {
        if (Rate(transfer) is not { } rate)
        {
            return "";
        }

        var c = CultureInfo.InvariantCulture;
        return rate >= 1024 * 1024
            ? string.Create(c, $"{rate / (1024.0 * 1024.0):0.0} MiB/s")
            : string.Create(c, $"{rate / 1024.0:0} KiB/s");
    }

    /// <summary>E.g. <c>about 3 min left</c>; "" while unknown.</summary>
    public static string RemainingText(TransferProgress? transfer) =>
        transfer?.Remaining is { } left ? $"about {LocalClock.FormatSpan(left.Add(TimeSpan.FromSeconds(0.999)))} left" : "";
}
