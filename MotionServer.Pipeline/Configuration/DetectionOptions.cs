using System.ComponentModel.DataAnnotations;

namespace MotionServer.Pipeline.Configuration;

/// <summary>Finding devices on the network (<c>MotionServer:Detection</c>).</summary>
public sealed class DetectionOptions
{
    /// <summary>Concurrent name lookups and connects. Default 4.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = MotionServerDefaults.Workers;

    /// <summary>Pause between the end of one sweep and the start of the next. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan Interval { get; set; } = MotionServerDefaults.DetectionInterval;

    /// <summary>Time allowed for the name lookup, and again for the TCP connect. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = MotionServerDefaults.DetectionConnectTimeout;
}
