using System.ComponentModel.DataAnnotations;

// A range of durations is given as text, and DataAnnotations' own RangeAttribute would convert it through a
// TypeConverter that trimming cannot follow (IL2026). That attribute is never run: the [OptionsValidator] source
// generator (MotionServerOptionsValidator) reads the range from it and emits a trim-safe check of its own.
#pragma warning disable IL2026

namespace MotionServer.Pipeline.Configuration;

/// <summary>Noticing that a completed device left the network (<c>MotionServer:Disconnection</c>).</summary>
public sealed class DisconnectionOptions
{
    /// <summary>Concurrent probes. Default 4.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = MotionServerDefaults.Workers;

    /// <summary>Pause between the end of one probe round and the start of the next. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan Interval { get; set; } = MotionServerDefaults.DisconnectionInterval;

    /// <summary>Time allowed for the TCP connect of one probe. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = MotionServerDefaults.DisconnectionConnectTimeout;
}
