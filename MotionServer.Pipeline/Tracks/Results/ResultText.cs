using System.Globalization;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>How results are written for people and files: invariant culture, two decimals, rounded half away from zero.</summary>
internal static class ResultText
{
    /// <summary><c>22.60</c>, or <paramref name="none"/> when there is no figure.</summary>
    public static string Figure(double? value, string none) =>
        value is { } v && double.IsFinite(v)
            ? Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture)
            : none;

    /// <summary>A time on the water as <c>h:mm:ss</c>, e.g. <c>5:54:00</c> (hours past 24 keep counting).</summary>
    public static string Duration(TimeSpan span)
    {
        long seconds = Math.Max(0, (long)span.TotalSeconds);
        if (seconds == 0)
        {
            return "0:00:00"; // every row without a track, at every rebuild
        }

        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}");
    }
}
