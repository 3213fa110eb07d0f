namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>Unit conversions of the results: the files hold mm/s and mm, people read knots and km.</summary>
internal static class Speeds
{
    /// <summary>Millimetres per second in one knot (1,852 m an hour).</summary>
    public const double MillimetresPerSecondPerKnot = 1_852_000.0 / 3600.0;

    /// <summary>mm/s to knots.</summary>
    public static double ToKnots(double millimetresPerSecond) => millimetresPerSecond / MillimetresPerSecondPerKnot;

    /// <summary>Knots to mm/s.</summary>
    public static double FromKnots(double knots) => knots * MillimetresPerSecondPerKnot;

    /// <summary>µm (the unit of the cumulative Doppler distance: mm/s × ms) to km.</summary>
    public static double MicrometresToKilometres(long micrometres) => micrometres / 1e9;
}
