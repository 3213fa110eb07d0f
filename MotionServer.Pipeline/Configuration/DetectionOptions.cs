using System.ComponentModel.DataAnnotations;

// A range of durations is given as text, and DataAnnotations' own RangeAttribute would convert it through a
// TypeConverter that trimming cannot follow (IL2026). That attribute is never run: the [OptionsValidator] source
// generator (MotionServerOptionsValidator) reads the range from it and emits a trim-safe check of its own.
#pragma warning disable IL2026

namespace MotionServer.Pipeline.Configuration;

/// <summary>Finding devices on the network (<c>MotionServer:Detection</c>).</summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The time ranges' RangeAttribute is read by the [OptionsValidator] source generator at build time and never constructed at run time; the generated check is trim-safe.")]
public sealed class DetectionOptions
{
    /// <summary>Workers of the detection stage, which records each found device as connected. Default 4.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = MotionServerDefaults.Workers;

    /// <summary>
    /// Pause between the end of one look at a device and the start of the next look at it; looks falling due within a
    /// twentieth of it start together, a little early rather than late. Default 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan Interval { get; set; } = MotionServerDefaults.DetectionInterval;

    /// <summary>
    /// While riders arrive: the shortest wait of a device not found for its next look, from the moment another device
    /// arrives (found after a look that missed it); the wait eases back to <see cref="Interval"/> over
    /// <see cref="ArrivalWindow"/> without another arrival. Zero, or as long as <see cref="Interval"/> or longer: looks
    /// every Interval always. Default 1 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ArrivalInterval { get; set; } = MotionServerDefaults.DetectionArrivalInterval;

    /// <summary>
    /// How long after the last arrival the pace takes to ease back to <see cref="Interval"/>: the wait is the time since
    /// the arrival scaled by Interval / ArrivalWindow, at least <see cref="ArrivalInterval"/>; zero: no pace. Default 1 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ArrivalWindow { get; set; } = MotionServerDefaults.DetectionArrivalWindow;

    /// <summary>Time allowed for the name lookup, and again for the TCP connect. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = MotionServerDefaults.DetectionConnectTimeout;

    /// <summary>
    /// Devices looked for at once: each look is a name lookup (with <see cref="NameLookup"/> system, on a thread of its
    /// own while it runs, as the operating system's resolver blocks) then a TCP connect. Looks never wait for the
    /// stages' workers. Default 256.
    /// </summary>
    [Range(1, 1024)]
    public int Lookups { get; set; } = MotionServerDefaults.DetectionLookups;

    /// <summary>
    /// Looks started in any one second, at most (each asks the network for a device's name): what the event's router
    /// and this laptop pay for while riders arrive. When the arrival pace wants more, looks brought forward for devices
    /// not seen since the start give way. Zero: no limit. Default 200.
    /// </summary>
    [Range(0, 100000)]
    public int LookupsPerSecond { get; set; } = MotionServerDefaults.DetectionLookupsPerSecond;

    /// <summary>
    /// How device names are looked up: <c>direct</c> asks the name servers of /etc/resolv.conf itself, over one
    /// long-lived socket (Linux, when /etc/nsswitch.conf asks DNS for hosts; otherwise as <c>system</c>, and the log
    /// says why); <c>system</c> asks the operating system's resolver (getaddrinfo); <c>hosts</c> reads the hosts files
    /// alone (Network:HostsFile, then /etc/hosts) and never asks the network. Default <c>direct</c>.
    /// </summary>
    public string NameLookup { get; set; } = MotionServerDefaults.DetectionNameLookup;
}
