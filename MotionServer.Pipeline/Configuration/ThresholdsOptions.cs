using System.ComponentModel.DataAnnotations;

namespace MotionServer.Pipeline.Configuration;

/// <summary>Levels at which a device's battery or storage is flagged (<c>MotionServer:Thresholds</c>).</summary>
public sealed class ThresholdsOptions
{
    /// <summary>Battery percentage below which the device is flagged. Default 60.</summary>
    [Range(0, 100)]
    public int Battery { get; set; } = MotionServerDefaults.BatteryThreshold;

    /// <summary>Storage percentage above which the device is flagged. Default 95.</summary>
    [Range(0, 100)]
    public int Storage { get; set; } = MotionServerDefaults.StorageThreshold;
}
