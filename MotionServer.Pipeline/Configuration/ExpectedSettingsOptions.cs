using System.ComponentModel.DataAnnotations;

namespace MotionServer.Pipeline.Configuration;

/// <summary>Device settings the event expects; a device that differs is flagged (<c>MotionServer:Expected</c>).</summary>
public sealed class ExpectedSettingsOptions
{
    /// <summary>GNSS rate in Hz. Default 5.</summary>
    [Range(1, 100)]
    public int GnssRate { get; set; } = MotionServerDefaults.ExpectedGnssRate;

    /// <summary>Time zone, minutes east of UTC. Default 60.</summary>
    [Range(-14 * 60, 14 * 60)]
    public int Timezone { get; set; } = MotionServerDefaults.ExpectedTimezone;

    /// <summary>One log per day (0 off, 1 on). Default 0.</summary>
    [Range(0, 1)]
    public int OneLogPerDay { get; set; } = MotionServerDefaults.ExpectedOneLogPerDay;
}
