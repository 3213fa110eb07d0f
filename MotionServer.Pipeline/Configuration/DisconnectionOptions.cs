namespace MotionServer.Pipeline.Configuration;

/// <summary>Noticing that a completed device left the network (<c>MotionServer:Disconnection</c>).</summary>
public sealed class DisconnectionOptions : ISettingsSection
{
    /// <summary>
    /// Probes that may run at once (each only a socket waiting for its connect). Each completed device is probed on its
    /// own schedule; below the roster's size, a wave of more departures than this is noticed later than
    /// <see cref="Interval"/> + <see cref="ConnectTimeout"/> (a warning says so at the start). Default 1024.
    /// </summary>
    [SettingRange(1, 4096)]
    public int Workers { get; set; } = 1024;

    /// <summary>For each completed device, the pause between the end of one probe of it and the start of the next. Default 5 s.</summary>
    [SettingRange("00:00:00.010", "01:00:00")]
    public TimeSpan Interval { get; set; } = MotionServerDefaults.DisconnectionInterval;

    /// <summary>Time allowed for the TCP connect of one probe. Default 5 s.</summary>
    [SettingRange("00:00:00.010", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = MotionServerDefaults.DisconnectionConnectTimeout;
}
