using System.ComponentModel.DataAnnotations;

namespace MotionServer.Pipeline.Configuration;

/// <summary>Which of the event's tracks are worth fetching (<c>MotionServer:Filters</c>).</summary>
public sealed class FiltersOptions
{
    /// <summary>Tracks whose best 500 m speed is below this many knots are recorded as <c>skipped</c>. Default 1.</summary>
    [Range(0.0, 100.0)]
    public double Min500mBestKnots { get; set; } = MotionServerDefaults.Min500mBestKnots;
}
