using System.ComponentModel.DataAnnotations;

// A range of durations is given as text, and DataAnnotations' own RangeAttribute would convert it through a
// TypeConverter that trimming cannot follow (IL2026). That attribute is never run: the [OptionsValidator] source
// generator (MotionServerOptionsValidator) reads the range from it and emits a trim-safe check of its own.
#pragma warning disable IL2026

namespace MotionServer.Pipeline.Configuration;

/// <summary>The HTML dashboards and status.json (<c>MotionServer:Dashboard</c>).</summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The time ranges' RangeAttribute is read by the [OptionsValidator] source generator at build time and never constructed at run time; the generated check is trim-safe.")]
public sealed class DashboardOptions
{
    /// <summary>Time between two renders. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan Interval { get; set; } = MotionServerDefaults.DashboardInterval;

    /// <summary>The event's own Fluid templates, relative to the event folder; missing ones fall back to the embedded defaults. Default <c>config/templates</c>.</summary>
    public string Templates { get; set; } = MotionServerDefaults.DashboardTemplates;
}
