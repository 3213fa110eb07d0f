using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// <see cref="ResultsOptions"/> converted once to the units of the frames (mm/s, ms, DOP × 100), so that judging a
/// frame is integer arithmetic.
/// </summary>
/// <param name="MinimumFix">Lowest fix type kept (5, time only, is never kept unless this is 0).</param>
/// <param name="MinimumSatellites">Fewest satellites kept.</param>
/// <param name="MaximumDop">Largest DOP × 100 kept.</param>
/// <param name="MaximumSpeedAccuracy">Largest sAcc kept, mm/s.</param>
/// <param name="MaximumAcceleration">Largest change of speed from the last frame kept, mm/s per second.</param>
/// <param name="MaximumGap">Longest spacing, ms, a window may span.</param>
/// <param name="DistanceMinimumSpeed">Slower frames add nothing to the filtered distance, mm/s.</param>
/// <param name="SuspectThresholdKnots">A category moved by more than this makes the track suspect.</param>
/// <param name="MaximumPlausibleKnots">A filtered speed above this is implausible.</param>
internal sealed record ResultRules(
    int MinimumFix,
    int MinimumSatellites,
    int MaximumDop,
    long MaximumSpeedAccuracy,
    long MaximumAcceleration,
    long MaximumGap,
    long DistanceMinimumSpeed,
    double SuspectThresholdKnots,
    double MaximumPlausibleKnots)
{
    /// <summary>The rules of the default settings.</summary>
    public static ResultRules Default { get; } = From(new ResultsOptions());

    /// <summary>Converts the settings.</summary>
    public static ResultRules From(ResultsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ResultRules(
            options.MinimumFix,
            options.MinimumSatellites,
            (int)Math.Round(options.MaximumHdop * 100),
            (long)Math.Round(Speeds.FromKnots(options.MaximumSpeedAccuracyKnots)),
            (long)Math.Round(options.MaximumAcceleration * 1000),
            (long)options.MaximumGap.TotalMilliseconds,
            (long)Math.Round(Speeds.FromKnots(options.DistanceMinimumSpeedKnots)),
            options.SuspectThresholdKnots,
            options.MaximumPlausibleKnots);
    }
}
