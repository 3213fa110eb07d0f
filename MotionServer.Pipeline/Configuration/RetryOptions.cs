using System.ComponentModel.DataAnnotations;

// A range of durations is given as text, and DataAnnotations' own RangeAttribute would convert it through a
// TypeConverter that trimming cannot follow (IL2026). That attribute is never run: the [OptionsValidator] source
// generator (MotionServerOptionsValidator) reads the range from it and emits a trim-safe check of its own.
#pragma warning disable IL2026

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// Pacing of a failing device (<c>MotionServer:Retry</c>): the pause doubles after each consecutive
/// failure, from <see cref="InitialDelay"/> up to <see cref="MaxDelay"/>, so a device at the edge
/// of the WiFi is not hammered but is noticed promptly once it behaves.
/// </summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The time ranges' RangeAttribute is read by the [OptionsValidator] source generator at build time and never constructed at run time; the generated check is trim-safe.")]
public sealed class RetryOptions
{
    /// <summary>Pause after the first failure. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan InitialDelay { get; set; } = MotionServerDefaults.RetryInitialDelay;

    /// <summary>Longest pause. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = MotionServerDefaults.RetryMaxDelay;

    /// <summary>
    /// Failed attempts in a row (inspections and downloads alike) after which the device is flagged as needing
    /// attention. Formerly <c>Download:AttemptsBeforeAttention</c>, which still works. Default 3.
    /// </summary>
    [Range(1, 1000)]
    public int AttemptsBeforeAttention { get; set; } = MotionServerDefaults.AttemptsBeforeAttention;
}
