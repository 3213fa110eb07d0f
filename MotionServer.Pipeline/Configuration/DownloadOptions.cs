using System.ComponentModel.DataAnnotations;

// A range of durations is given as text, and DataAnnotations' own RangeAttribute would convert it through a
// TypeConverter that trimming cannot follow (IL2026). That attribute is never run: the [OptionsValidator] source
// generator (MotionServerOptionsValidator) reads the range from it and emits a trim-safe check of its own.
#pragma warning disable IL2026

namespace MotionServer.Pipeline.Configuration;

/// <summary>Downloading tracks (<c>MotionServer:Download</c>).</summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The time ranges' RangeAttribute is read by the [OptionsValidator] source generator at build time and never constructed at run time; the generated check is trim-safe.")]
public sealed class DownloadOptions
{
    private readonly RetryOptions _retry;

    /// <summary>Creates the settings with their defaults.</summary>
    public DownloadOptions()
        : this(new RetryOptions())
    {
    }

    /// <summary>Download settings whose renamed <see cref="AttemptsBeforeAttention"/> is <paramref name="retry"/>'s.</summary>
    internal DownloadOptions(RetryOptions retry) => _retry = retry;

    /// <summary>Devices downloading at once (one worker downloads all of one device's tracks). Default 4.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = MotionServerDefaults.Workers;

    /// <summary>Longest wait for the response and then between bytes; not a limit on the whole file. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = MotionServerDefaults.DownloadRequestTimeout;

    /// <summary>
    /// A transfer that moves fewer bytes per second than this, measured over a
    /// <see cref="RequestTimeout"/> window, counts as stalled (so a trickling device cannot hold a worker). Default 1024.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MinBytesPerSecond { get; set; } = MotionServerDefaults.MinBytesPerSecond;

    /// <summary>Renamed <see cref="RetryOptions.AttemptsBeforeAttention"/> (it counts inspection failures too); the same value.</summary>
    [Obsolete("Use MotionServerOptions.Retry.AttemptsBeforeAttention (the setting Retry:AttemptsBeforeAttention): it counts inspection failures too.")]
    public int AttemptsBeforeAttention
    {
        get => _retry.AttemptsBeforeAttention;
        set => _retry.AttemptsBeforeAttention = value;
    }
}
