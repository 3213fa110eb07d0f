namespace MotionServer.Emulator.Devices;

/// <summary>What settings.json reports (numbers are sent as strings).</summary>
internal sealed record DeviceSettings
{
    /// <summary>GNSS rate in Hz (<c>gnss_rate</c>). Events expect 5.</summary>
    public int GnssRate { get; init; } = 5;

    /// <summary><c>one_log_per_day</c>: the device appends to the day's file. Events expect off.</summary>
    public bool OneLogPerDay { get; init; }

    /// <summary><c>timezone</c>, minutes east of UTC. Events expect 60.</summary>
    public int TimezoneMinutes { get; init; } = 60;

    /// <summary><c>speed_unit</c>.</summary>
    public string SpeedUnit { get; init; } = "kn";

    /// <summary><c>distance_unit</c>.</summary>
    public string DistanceUnit { get; init; } = "km";

    /// <summary>WiFi slots.</summary>
    public IReadOnlyList<DeviceWifi> Wifi { get; init; } = [DeviceWifi.Empty, DeviceWifi.Event];

    /// <summary><c>custom_led</c>; null leaves the block out (the LCD model has none).</summary>
    public DeviceLed? CustomLed { get; init; } = DeviceLed.Default;

    /// <summary>The settings an event expects (5 Hz, timezone 60, one log per day off).</summary>
    public static DeviceSettings EventDefaults { get; } = new();
}
