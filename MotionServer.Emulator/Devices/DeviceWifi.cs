namespace MotionServer.Emulator.Devices;

/// <summary>One WiFi slot of settings.json (<c>login</c>, <c>password_length</c>, <c>trust</c>).</summary>
internal sealed record DeviceWifi(string Login, int PasswordLength, bool Trusted)
{
    /// <summary>An unused slot.</summary>
    public static DeviceWifi Empty { get; } = new("", 0, false);

    /// <summary>The event network.</summary>
    public static DeviceWifi Event { get; } = new("EVENT", 8, true);
}
