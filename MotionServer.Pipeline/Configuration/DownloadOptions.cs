namespace MotionServer.Pipeline.Configuration;

/// <summary>Downloading tracks (<c>MotionServer:Download</c>).</summary>
public sealed class DownloadOptions : ISettingsSection
{
    /// <summary>Devices downloading at once (one worker downloads all of one device's tracks). Default 4.</summary>
    [SettingRange(1, 64)]
    public int Workers { get; set; } = MotionServerDefaults.Workers;

    /// <summary>Longest wait for the response and then between bytes; not a limit on the whole file. Default 30 s.</summary>
    [SettingRange("00:00:00.010", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = MotionServerDefaults.DownloadRequestTimeout;

    /// <summary>
    /// A transfer that moves fewer bytes per second than this, measured over a
    /// <see cref="RequestTimeout"/> window, counts as stalled (so a trickling device cannot hold a worker). Default 1024.
    /// </summary>
    [SettingRange(0, int.MaxValue)]
    public int MinBytesPerSecond { get; set; } = MotionServerDefaults.MinBytesPerSecond;

    /// <summary>Failed attempts after which the device is flagged as needing attention. Default 3.</summary>
    [SettingRange(1, 1000)]
    public int AttemptsBeforeAttention { get; set; } = MotionServerDefaults.AttemptsBeforeAttention;
}
