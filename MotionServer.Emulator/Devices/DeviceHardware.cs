namespace MotionServer.Emulator.Devices;

/// <summary>The hardware a device reports: <c>{ "code": 108, "name": "Wireless Mini M10" }</c>.</summary>
/// <param name="Code">Hardware code.</param>
/// <param name="Name">Hardware name.</param>
/// <param name="LegacyName">What firmware older than 3144 sends instead of the object (a plain string).</param>
internal sealed record DeviceHardware(int Code, string Name, string LegacyName = "wireless-mini")
{
    /// <summary>The Motion Mini with the LED feature.</summary>
    public static DeviceHardware WirelessMini { get; } = new(108, "Wireless Mini M10");

    /// <summary>The Motion LCD (no <c>custom_led</c> in settings.json).</summary>
    public static DeviceHardware Lcd { get; } = new(112, "Motion LCD M10", "lcd");
}
