using System.Text.Json;

namespace MotionServer.Pipeline.Devices;

/// <summary>
/// What the server uses of a device's <c>info.json</c>. Both shapes occur: firmware 3144 and later send
/// <c>hardware</c> and <c>firmware</c> as objects with a code and a name; older firmware sends a string and a number.
/// </summary>
internal sealed record DeviceInfo
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

    /// <summary>Values the device sent that cannot be right (out of range, broken text), each with its field; they read as unknown.</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];

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
        var refused = new List<string>();
        return new DeviceInfo
        {
            Identifier = identifier,
            Username = Text(motion.Child("username"), "username", refused),
            Hardware = Text(hardware is { ValueKind: JsonValueKind.Object } h ? h.Child("name") : hardware, "hardware", refused),
            FirmwareCode = firmwareIsObject ? firmware!.Value.Child("code").AsInt32() : firmware.AsInt32(),
            FirmwareName = Text(firmwareIsObject ? firmware!.Value.Child("name") : firmware, "firmware", refused),
            StorageLevel = Percent(motion.Child("filesystem") is { } fs ? fs.Child("level") : null, "filesystem level", refused),
            BatteryLevel = Percent(motion.Child("battery") is { } battery ? battery.Child("level") : null, "battery level", refused),
            Refused = refused,
        };
    }

    private static string? Text(JsonElement? element, string field, List<string> refused)
    {
        string? text = element.AsText();
        if (text is null && element is { ValueKind: JsonValueKind.String })
        {
            refused.Add($"{field} is not valid text (a broken UTF-16 escape)");
        }

        return text;
    }

    private static int? Percent(JsonElement? element, string field, List<string> refused)
    {
        if (element is null or { ValueKind: JsonValueKind.Null })
        {
            return null;
        }

        if (element.ReadInteger(field, 0, DeviceValueRanges.MaxPercent, out long percent) is { } problem)
        {
            refused.Add(problem);
            return null;
        }

        return (int)percent;
    }
}
