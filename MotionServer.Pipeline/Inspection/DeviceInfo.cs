using System.Text.Json;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// What the server uses of a device's <c>info.json</c>. Both shapes occur: firmware 3144 and later send
/// <c>hardware</c> and <c>firmware</c> as objects with a code and a name; older firmware sends a string and a number.
/// </summary>
public sealed record DeviceInfo
{
    /// <summary>The identifier the device claims; must equal the id in its host name.</summary>
    public required int Identifier { get; init; }

    /// <summary>Owner name set on the device (untrusted text).</summary>
    public string? Username { get; init; }

    /// <summary>Hardware name (or the old firmware's hardware string).</summary>
    public string? Hardware { get; init; }

    /// <summary>Firmware code, e.g. 9008 or 3129.</summary>
    public int? FirmwareCode { get; init; }

    /// <summary>Firmware name, e.g. "9008 Event build (3232)"; on old firmware the number as text.</summary>
    public string? FirmwareName { get; init; }

    /// <summary>Storage used, percent.</summary>
    public int? StorageLevel { get; init; }

    /// <summary>Battery level, percent.</summary>
    public int? BatteryLevel { get; init; }

    /// <summary>Reads info.json.</summary>
    /// <exception cref="DeviceAnswerException">Malformed, or without an identifier.</exception>
    public static DeviceInfo Parse(ReadOnlyMemory<byte> json)
    {
        using var document = JsonFields.Parse(json, "info.json");
        var motion = JsonFields.RequireObject(document.RootElement, "motion", "info.json");
        int identifier = motion.Child("identifier").AsInt32()
            ?? throw new DeviceAnswerException("info.json has no numeric \"identifier\"");

        var hardware = motion.Child("hardware");
        var firmware = motion.Child("firmware");
        bool firmwareIsObject = firmware is { ValueKind: JsonValueKind.Object };
        return new DeviceInfo
        {
            Identifier = identifier,
            Username = motion.Child("username").AsText(),
            Hardware = hardware is { ValueKind: JsonValueKind.Object } h ? h.Child("name").AsText() : hardware.AsText(),
            FirmwareCode = firmwareIsObject ? firmware!.Value.Child("code").AsInt32() : firmware.AsInt32(),
            FirmwareName = firmwareIsObject ? firmware!.Value.Child("name").AsText() : firmware.AsText(),
            StorageLevel = motion.Child("filesystem") is { } fs ? fs.Child("level").AsInt32() : null,
            BatteryLevel = motion.Child("battery") is { } battery ? battery.Child("level").AsInt32() : null,
        };
    }
}
