using System.ComponentModel.DataAnnotations;

// A range of durations is given as text, and DataAnnotations' own RangeAttribute would convert it through a
// TypeConverter that trimming cannot follow (IL2026). That attribute is never run: the [OptionsValidator] source
// generator (MotionServerOptionsValidator) reads the range from it and emits a trim-safe check of its own.
#pragma warning disable IL2026

namespace MotionServer.Pipeline.Configuration;

/// <summary>Noticing that a completed device left the network (<c>MotionServer:Disconnection</c>).</summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The time ranges' RangeAttribute is read by the [OptionsValidator] source generator at build time and never constructed at run time; the generated check is trim-safe.")]
public sealed class DisconnectionOptions
{
    /// <summary>
    /// Probes that may run at once (each only a socket waiting for its connect). Each completed device is probed on its
    /// own schedule; below the roster's size, a wave of more departures than this is noticed later than
    /// <see cref="Interval"/> + <see cref="ConnectTimeout"/> (a warning says so at the start). Default 1024.
    /// </summary>
    [Range(1, 4096)]
    public int Workers { get; set; } = 1024;

    /// <summary>For each completed device, the pause between the end of one probe of it and the start of the next. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan Interval { get; set; } = MotionServerDefaults.DisconnectionInterval;

    /// <summary>Time allowed for the TCP connect of one probe. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = MotionServerDefaults.DisconnectionConnectTimeout;
}
