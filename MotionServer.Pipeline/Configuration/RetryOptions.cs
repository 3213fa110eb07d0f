namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// Pacing of a failing device (<c>MotionServer:Retry</c>): the pause doubles after each consecutive
/// failure, from <see cref="InitialDelay"/> up to <see cref="MaxDelay"/>, so a device at the edge
/// of the WiFi is not hammered but is noticed promptly once it behaves.
/// </summary>
public sealed class RetryOptions : ISettingsSection
{
    /// <summary>Pause after the first failure. Default 2 s.</summary>
    [SettingRange("00:00:00", "00:10:00")]
    public TimeSpan InitialDelay { get; set; } = MotionServerDefaults.RetryInitialDelay;

    /// <summary>Longest pause. Default 30 s.</summary>
    [SettingRange("00:00:00", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = MotionServerDefaults.RetryMaxDelay;
}
