using System.ComponentModel.DataAnnotations;

// A range of durations is given as text, and DataAnnotations' own RangeAttribute would convert it through a
// TypeConverter that trimming cannot follow (IL2026). That attribute is never run: the [OptionsValidator] source
// generator (MotionServerOptionsValidator) reads the range from it and emits a trim-safe check of its own.
#pragma warning disable IL2026

namespace MotionServer.Pipeline.Configuration;

/// <summary>How the server stops (<c>MotionServer:Host</c>).</summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The time ranges' RangeAttribute is read by the [OptionsValidator] source generator at build time and never constructed at run time; the generated check is trim-safe.")]
public sealed class ShutdownOptions
{
    /// <summary>
    /// The whole stop fits inside this, in-flight downloads included: they get most of it to finish,
    /// then are abandoned without leaving partial files. Default 8 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ShutdownTimeout { get; set; } = MotionServerDefaults.ShutdownTimeout;
}
