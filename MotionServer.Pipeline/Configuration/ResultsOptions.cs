using System.ComponentModel.DataAnnotations;

// A range of durations is given as text, and DataAnnotations' own RangeAttribute would convert it through a
// TypeConverter that trimming cannot follow (IL2026). That attribute is never run: the [OptionsValidator] source
// generator (MotionServerOptionsValidator) reads the range from it and emits a trim-safe check of its own.
#pragma warning disable IL2026

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// The sport's quality rules behind a track's filtered figures, and when a track is suspect
/// (<c>MotionServer:Results</c>, docs/results.md). The device's own figures use every frame and no rule here.
/// </summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The time ranges' RangeAttribute is read by the [OptionsValidator] source generator at build time and never constructed at run time; the generated check is trim-safe.")]
public sealed class ResultsOptions
{
    /// <summary>
    /// Lowest u-blox fix type a frame needs: 3 is a 3-D fix (4, GNSS with dead reckoning, also counts; 5, time only,
    /// never does). The maker of the Motion advises ignoring frames below 3 (quoted by Logiqx gps-wizard,
    /// docs/formats/oao.md). 0 turns the rule off. Default 3.
    /// </summary>
    [Range(0, 4)]
    public int MinimumFix { get; set; } = MotionServerDefaults.ResultsMinimumFix;

    /// <summary>
    /// Fewest satellites a frame needs. GP3S basic rules ("min. Sats (5)"), GPSResults' default and the ESP-GPS
    /// logger's own filter (FILTER_MIN_SATS) all use 5. 0 turns the rule off. Default 5.
    /// </summary>
    [Range(0, 64)]
    public int MinimumSatellites { get; set; } = MotionServerDefaults.ResultsMinimumSatellites;

    /// <summary>
    /// Largest dilution of precision a frame may have. GP3S basic rules ("max. HDoP (5)") and GPSResults' default.
    /// The Motion records HDOP; most ESP-GPS loggers record PDOP there, never below HDOP, so the same limit is a little
    /// stricter for them. Default 5.
    /// </summary>
    [Range(0.5, 100.0)]
    public double MaximumHdop { get; set; } = MotionServerDefaults.ResultsMaximumHdop;

    /// <summary>
    /// Largest speed accuracy (u-blox sAcc) a frame may have, in knots. GPSResults and GPS Speedreader allow a speed
    /// error of 4 knots at 5 and 10 Hz (2 knots at 1 Hz; Logiqx gps-wizard docs/filtering); the ESP-GPS logger counts
    /// distance only below 2 m/s (3.9 knots). A healthy Motion reports 0.2 to 0.6 knots. Default 4.
    /// </summary>
    [Range(0.1, 100.0)]
    public double MaximumSpeedAccuracyKnots { get; set; } = MotionServerDefaults.ResultsMaximumSpeedAccuracyKnots;

    /// <summary>
    /// Largest change of speed from the last frame kept, in m/s². GPSResults allows 4 at 1 Hz, 8 at 5 Hz and 10 at
    /// 10 Hz (Logiqx gps-wizard docs/filtering; GP3S basic rules say 5): the most lenient of these, so that the noise
    /// of a healthy 10 Hz track is never taken for a glitch. Default 10.
    /// </summary>
    [Range(1.0, 1000.0)]
    public double MaximumAcceleration { get; set; } = MotionServerDefaults.ResultsMaximumAcceleration;

    /// <summary>
    /// Longest spacing between two kept frames that a window may span; a longer one is a gap, and no window, run or
    /// alpha crosses it. No rule set names a figure: 2 s lets a 1 Hz track lose one frame. Default 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MaximumGap { get; set; } = MotionServerDefaults.ResultsMaximumGap;

    /// <summary>
    /// Frames slower than this many knots add nothing to the filtered distance (GP3S rules v9.1 A2, GPSResults'
    /// default; Logiqx gps-wizard docs/filtering). 0 counts every kept frame. Default 5.
    /// </summary>
    [Range(0.0, 100.0)]
    public double DistanceMinimumSpeedKnots { get; set; } = MotionServerDefaults.ResultsDistanceMinimumSpeedKnots;

    /// <summary>A track is suspect when the rules change one of its speed categories by more than this many knots. Default 1.</summary>
    [Range(0.01, 100.0)]
    public double SuspectThresholdKnots { get; set; } = MotionServerDefaults.ResultsSuspectThresholdKnots;

    /// <summary>
    /// A filtered speed above this many knots is physically implausible, and the track suspect: the outright sailing
    /// speed record (WSSRC, 500 m) is 65.45 knots. Default 70.
    /// </summary>
    [Range(1.0, 1000.0)]
    public double MaximumPlausibleKnots { get; set; } = MotionServerDefaults.ResultsMaximumPlausibleKnots;
}
