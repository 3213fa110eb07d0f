namespace MotionServer.Emulator.Devices;

/// <summary>
/// Everything a device says about itself in info.json and settings.json. Immutable: a device swaps its whole
/// profile to change at run time (battery, settings).
/// </summary>
internal sealed record DeviceProfile
{
    /// <summary>The device identifier (the <c>&lt;id&gt;</c> of <c>motion-&lt;id&gt;</c>).</summary>
    public required int Id { get; init; }

    /// <summary>The owner's short name (<c>username</c>).</summary>
    public string Username { get; init; } = "WSW";

    /// <summary>WiFi mode (<c>wifi</c>).</summary>
    public string WifiMode { get; init; } = "station";

    /// <summary>The hardware.</summary>
    public DeviceHardware Hardware { get; init; } = DeviceHardware.WirelessMini;

    /// <summary>The firmware; below 3144 info.json uses the legacy shape.</summary>
    public DeviceFirmware Firmware { get; init; } = DeviceFirmware.EventBuild;

    /// <summary>Battery level, percent.</summary>
    public int BatteryLevel { get; init; } = 80;

    /// <summary>True while charging.</summary>
    public bool Charging { get; init; }

    /// <summary>Storage used, percent (<c>filesystem.level</c>).</summary>
    public int StorageLevel { get; init; } = 4;

    /// <summary>settings.json.</summary>
    public DeviceSettings Settings { get; init; } = DeviceSettings.EventDefaults;

    /// <summary>A plausible event device.</summary>
    public static DeviceProfile Create(int id) => new() { Id = id };
}
