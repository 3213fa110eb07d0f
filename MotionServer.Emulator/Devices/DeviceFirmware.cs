namespace MotionServer.Emulator.Devices;

/// <summary>The firmware a device reports.</summary>
/// <param name="Code">Firmware build number (3129, 3232, 9008 ...).</param>
/// <param name="Name">Display name, e.g. <c>9008 Event build (3232)</c>.</param>
/// <param name="Special">Optional <c>special</c> text of event builds.</param>
internal sealed record DeviceFirmware(int Code, string Name, string? Special = null)
{
    /// <summary>First firmware that sends <c>hardware</c> and <c>firmware</c> as objects in info.json.</summary>
    public const int FirstObjectShape = 3144;

    /// <summary>An event build, as seen at events.</summary>
    public static DeviceFirmware EventBuild { get; } = new(9008, "9008 Event build (3232)", "Event firmware, most settings locked.");

    /// <summary>A current public build.</summary>
    public static DeviceFirmware Current { get; } = new(3232, "3232");

    /// <summary>An old build that still sends the legacy info.json shape.</summary>
    public static DeviceFirmware Legacy { get; } = new(3129, "3129");

    /// <summary>True when info.json uses the old shape: <c>"hardware": "wireless-mini"</c>, <c>"firmware": 3129</c>.</summary>
    public bool UsesLegacyShape => Code < FirstObjectShape;
}
