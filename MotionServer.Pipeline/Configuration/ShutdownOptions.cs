namespace MotionServer.Pipeline.Configuration;

/// <summary>How the server stops (<c>MotionServer:Host</c>).</summary>
public sealed class ShutdownOptions : ISettingsSection
{
    /// <summary>
    /// The whole stop fits inside this, in-flight downloads included: they get most of it to finish,
    /// then are abandoned without leaving partial files. Default 8 s.
    /// </summary>
    [SettingRange("00:00:01", "00:05:00")]
    public TimeSpan ShutdownTimeout { get; set; } = MotionServerDefaults.ShutdownTimeout;
}
