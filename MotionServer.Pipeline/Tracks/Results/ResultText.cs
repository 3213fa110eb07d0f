using System.Globalization;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>How results are written for people and files: invariant culture, two decimals, rounded half away from zero.</summary>
internal static class ResultText
{
    private const string FigureFormat = "0.00";

    /// <summary><c>22.60</c>, or <paramref name="none"/> when there is no figure.</summary>
    public static string Figure(double? value, string none) =>
        value is { } v && double.IsFinite(v) ? Rounded(v).ToString(FigureFormat, CultureInfo.InvariantCulture) : none;

    /// <summary>
    /// The UTF-8 text of <see cref="Figure"/> for a finite <paramref name="value"/>, written into <paramref name="utf8"/>
    /// without a string; false when it does not fit.
    /// </summary>
    public static bool TryWriteFigure(double value, Span<byte> utf8, out int length) =>
        Rounded(value).TryFormat(utf8, out length, FigureFormat, CultureInfo.InvariantCulture);

    /// <summary>The figure rounded to two decimals (half away from zero), as the files write it.</summary>
    public static double Rounded(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

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
