namespace MotionServer.Pipeline.Inspection;

/// <summary>What the server uses of a device's <c>settings.json</c> (whose numbers arrive as strings).</summary>
public sealed record DeviceSettings
{
    /// <summary>GNSS rate, Hz.</summary>
    public int? GnssRate { get; init; }

    /// <summary>Time zone, minutes east of UTC.</summary>
    public int? Timezone { get; init; }

    /// <summary>One log per day: 0 off, 1 on.</summary>
    public int? OneLogPerDay { get; init; }

    /// <summary>Reads settings.json.</summary>
    /// <exception cref="DeviceAnswerException">Malformed.</exception>
    public static DeviceSettings Parse(ReadOnlyMemory<byte> json)
    {
        using var document = JsonFields.Parse(json, "settings.json");
        var settings = JsonFields.RequireObject(document.RootElement, "settings", "settings.json");
        return new DeviceSettings
        {
            GnssRate = settings.Child("gnss_rate").AsInt32(),
            Timezone = settings.Child("timezone").AsInt32(),
            OneLogPerDay = settings.Child("one_log_per_day").AsInt32(),
        };
    }
}
