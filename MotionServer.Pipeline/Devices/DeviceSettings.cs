using System.Text.Json;

namespace MotionServer.Pipeline.Devices;

/// <summary>What the server uses of a device's <c>settings.json</c> (whose numbers arrive as strings).</summary>
internal sealed record DeviceSettings
{
    /// <summary>GNSS rate, Hz.</summary>
    public int? GnssRate { get; init; }

    /// <summary>Time zone, minutes east of UTC.</summary>
    public int? Timezone { get; init; }

    /// <summary>One log per day: 0 off, 1 on.</summary>
    public int? OneLogPerDay { get; init; }

    /// <summary>Values the device sent that cannot be right, each with its field; they read as unknown.</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];

    /// <summary>Reads settings.json.</summary>
    /// <exception cref="DeviceAnswerException">Malformed.</exception>
    public static DeviceSettings Parse(ReadOnlyMemory<byte> json)
    {
        using var document = JsonFields.Parse(json, "settings.json");
        var settings = JsonFields.RequireObject(document.RootElement, "settings", "settings.json");
        var refused = new List<string>();
        return new DeviceSettings
        {
            GnssRate = Setting(settings, "gnss_rate", 0, 1000, refused),
            Timezone = Setting(settings, "timezone", DeviceValueRanges.MinTimezone, DeviceValueRanges.MaxTimezone, refused),
            OneLogPerDay = Setting(settings, "one_log_per_day", 0, 1, refused),
            Refused = refused,
        };
    }

    /// <summary>
    /// A setting in range, or unknown. An unknown time zone makes tracks without their own fall back to
    /// Expected:Timezone, so an absurd one can never reach a track's name.
    /// </summary>
    private static int? Setting(JsonElement settings, string field, long min, long max, List<string> refused)
    {
        if (settings.Child(field) is not { ValueKind: not JsonValueKind.Null } element)
        {
            return null;
        }

        if (((JsonElement?)element).ReadInteger(field, min, max, out long value) is { } problem)
        {
            refused.Add(problem);
            return null;
        }

        return (int)value;
    }
}
