using System.Globalization;
using System.Text;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>What was wrong with the frames the rules set aside inside one window: how many, and the worst of each fault.</summary>
/// <param name="Count">Frames set aside.</param>
/// <param name="Faults">Every fault found.</param>
/// <param name="LowestFix">Lowest fix type among the frames with a fix fault.</param>
/// <param name="FewestSatellites">Fewest satellites among those with too few.</param>
/// <param name="HighestDop">Highest DOP × 100 among those above the limit.</param>
/// <param name="HighestSpeedAccuracy">Highest sAcc, mm/s, among those above the limit.</param>
/// <param name="HighestAcceleration">Highest acceleration, mm/s², among those above the limit.</param>
internal readonly record struct FaultSummary(
    int Count,
    FrameFaults Faults,
    int LowestFix,
    int FewestSatellites,
    int HighestDop,
    long HighestSpeedAccuracy,
    long HighestAcceleration)
{
    /// <summary>No frame set aside.</summary>
    public static FaultSummary Empty { get; } = new(0, FrameFaults.None, int.MaxValue, int.MaxValue, 0, 0, 0);

    /// <summary>Adds one frame set aside.</summary>
    public FaultSummary With(in RejectedFrame frame)
    {
        var f = frame.Faults;
        return new FaultSummary(
            Count + 1,
            Faults | f,
            f.HasFlag(FrameFaults.Fix) ? Math.Min(LowestFix, frame.Fix) : LowestFix,
            f.HasFlag(FrameFaults.Satellites) ? Math.Min(FewestSatellites, frame.Satellites) : FewestSatellites,
            f.HasFlag(FrameFaults.Dop) ? Math.Max(HighestDop, frame.Dop) : HighestDop,
            f.HasFlag(FrameFaults.SpeedAccuracy) ? Math.Max(HighestSpeedAccuracy, frame.SpeedAccuracy) : HighestSpeedAccuracy,
            f.HasFlag(FrameFaults.Acceleration) ? Math.Max(HighestAcceleration, frame.Acceleration) : HighestAcceleration);
    }

    /// <summary>Both summaries together.</summary>
    public FaultSummary Merge(in FaultSummary other) => new(
        Count + other.Count,
        Faults | other.Faults,
        Math.Min(LowestFix, other.LowestFix),
        Math.Min(FewestSatellites, other.FewestSatellites),
        Math.Max(HighestDop, other.HighestDop),
        Math.Max(HighestSpeedAccuracy, other.HighestSpeedAccuracy),
        Math.Max(HighestAcceleration, other.HighestAcceleration));

    /// <summary>In words, e.g. <c>4 satellites, HDOP 99.99, 25 m/s² acceleration</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>(5);
        var culture = CultureInfo.InvariantCulture;
        if (Faults.HasFlag(FrameFaults.Fix))
        {
            parts.Add(string.Create(culture, $"fix type {LowestFix}"));
        }

        if (Faults.HasFlag(FrameFaults.Satellites))
        {
            parts.Add(string.Create(culture, $"{FewestSatellites} satellites"));
        }

        if (Faults.HasFlag(FrameFaults.Dop))
        {
            parts.Add(string.Create(culture, $"HDOP {HighestDop / 100.0:0.00}"));
        }

        if (Faults.HasFlag(FrameFaults.SpeedAccuracy))
        {
            parts.Add(string.Create(culture, $"speed accuracy {Speeds.ToKnots(HighestSpeedAccuracy):0.0} kn"));
        }

        if (Faults.HasFlag(FrameFaults.Acceleration))
        {
            parts.Add(string.Create(culture, $"{HighestAcceleration / 1000.0:0} m/s² acceleration"));
        }

        return new StringBuilder().AppendJoin(", ", parts).ToString();
    }
}
