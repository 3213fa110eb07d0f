namespace MotionServer.Pipeline.Configuration;

/// <summary>The HTML dashboards and status.json (<c>MotionServer:Dashboard</c>).</summary>
public sealed class DashboardOptions : ISettingsSection
{
    /// <summary>Time between two renders. Default 5 s.</summary>
    [SettingRange("00:00:00.010", "01:00:00")]
    public TimeSpan Interval { get; set; } = MotionServerDefaults.DashboardInterval;

    /// <summary>The event's own Fluid templates, relative to the event folder; missing ones fall back to the embedded defaults. Default <c>config/templates</c>.</summary>
    public string Templates { get; set; } = MotionServerDefaults.DashboardTemplates;

    /// <summary>Opt-in URL (e.g. <c>http://0.0.0.0:8080</c>) at which the host serves the dashboards folder read-only. Default none.</summary>
    public string? Listen { get; set; }
}
