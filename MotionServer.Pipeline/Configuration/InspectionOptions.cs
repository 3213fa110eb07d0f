namespace MotionServer.Pipeline.Configuration;

/// <summary>Reading a device's metadata (<c>MotionServer:Inspection</c>).</summary>
public sealed class InspectionOptions : ISettingsSection
{
    /// <summary>Devices inspected at once. Default 4.</summary>
    [SettingRange(1, 64)]
    public int Workers { get; set; } = MotionServerDefaults.Workers;

    /// <summary>Time allowed for each of info.json, settings.json and logs.json. Default 10 s.</summary>
    [SettingRange("00:00:00.010", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = MotionServerDefaults.InspectionRequestTimeout;
}
