namespace MotionServer.Pipeline.Configuration;

/// <summary>Noticing that a completed device left the network (<c>MotionServer:Disconnection</c>).</summary>
public sealed class DisconnectionOptions : ISettingsSection
{
    /// <summary>Concurrent probes. Default 4.</summary>
    [SettingRange(1, 64)]
    public int Workers { get; set; } = MotionServerDefaults.Workers;

    /// <summary>Pause between the end of one probe round and the start of the next. Default 5 s.</summary>
    [SettingRange("00:00:00.010", "01:00:00")]
    public TimeSpan Interval { get; set; } = MotionServerDefaults.DisconnectionInterval;

    /// <summary>Time allowed for the TCP connect of one probe. Default 5 s.</summary>
    [SettingRange("00:00:00.010", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = MotionServerDefaults.DisconnectionConnectTimeout;
}
