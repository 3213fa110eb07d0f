using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MotionServer.Emulator.Devices;

/// <summary>Writes the three JSON documents exactly as the firmware shapes them (documents and units: docs/ and this project's README).</summary>
internal static class DeviceJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>info.json; <paramref name="identifier"/> is what the device claims to be.</summary>
    public static byte[] Info(DeviceProfile profile, int identifier, long paddingBytes = 0) => Write(paddingBytes, "motion", w =>
    {
        w.WriteString("wifi", profile.WifiMode);
        w.WriteString("username", profile.Username);
        w.WriteNumber("identifier", identifier);
        if (profile.Firmware.UsesLegacyShape)
        {
            w.WriteString("hardware", profile.Hardware.LegacyName);
            w.WriteNumber("firmware", profile.Firmware.Code);
        }
        else
        {
            WriteHardware(w, profile.Hardware);
            w.WriteStartObject("firmware");
            w.WriteNumber("code", profile.Firmware.Code);
            w.WriteString("name", profile.Firmware.Name);
            if (profile.Firmware.Special is { } special)
            {
                w.WriteString("special", special);
            }

            w.WriteEndObject();
        }

        w.WriteStartObject("filesystem");
        w.WriteNumber("level", profile.StorageLevel);
        w.WriteEndObject();
        w.WriteStartObject("battery");
        w.WriteNumber("level", profile.BatteryLevel);
        w.WriteBoolean("charging", profile.Charging);
        w.WriteEndObject();
        w.WriteStartObject("units");
        w.WriteString("speed", profile.Settings.SpeedUnit);
        w.WriteString("distance", profile.Settings.DistanceUnit);
        w.WriteEndObject();
    });

    /// <summary>settings.json: numbers as strings, <c>custom_led</c> only when the device has it.</summary>
    public static byte[] Settings(DeviceProfile profile, long paddingBytes = 0) => Write(paddingBytes, "settings", w =>
    {
        var settings = profile.Settings;
        WriteHardware(w, profile.Hardware);
        w.WriteString("username", profile.Username);
        w.WriteString("speed_unit", settings.SpeedUnit);
        w.WriteString("distance_unit", settings.DistanceUnit);
        w.WriteString("gnss_rate", Text(settings.GnssRate));
        w.WriteString("one_log_per_day", settings.OneLogPerDay ? "1" : "0");
        w.WriteString("timezone", Text(settings.TimezoneMinutes));
        w.WriteStartArray("wifi");
        foreach (var wifi in settings.Wifi)
        {
            w.WriteStartObject();
            w.WriteString("login", wifi.Login);
            w.WriteString("password_length", Text(wifi.PasswordLength));
            w.WriteString("trust", wifi.Trusted ? "1" : "0");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (settings.CustomLed is { } led)
        {
            w.WriteStartObject("custom_led");
            w.WriteString("flash", Text(led.Flash));
            w.WriteString("substract", Text(led.Substract));
            w.WriteStartArray("rows");
            foreach (int code in led.RowCodes)
            {
                w.WriteStartObject();
                w.WriteString("code", Text(code));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
    });

    /// <summary>logs.json, one entry per track, in the order given.</summary>
    /// <param name="tracks">The device's logs.</param>
    /// <param name="paddingBytes">Padding that makes the document at least this long.</param>
    /// <param name="rawEntries">Entries written verbatim after the logs, unvalidated (hostile values).</param>
    public static byte[] Logs(IEnumerable<EmulatedTrack> tracks, long paddingBytes = 0, IReadOnlyList<string>? rawEntries = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            WritePadding(w, paddingBytes);
            w.WriteStartArray("logs");
            foreach (var track in tracks)
            {
                WriteLog(w, track);
            }

            foreach (string raw in rawEntries ?? [])
            {
                w.WriteRawValue(raw, skipInputValidation: true);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A document cut short so that no JSON parser accepts it.</summary>
    public static byte[] Truncate(byte[] document)
    {
        ArgumentNullException.ThrowIfNull(document);
        int keep = Math.Max(1, document.Length / 2);
        return [.. document.AsSpan(0, keep), .. ",\"trunc"u8];
    }

    private static void WriteLog(Utf8JsonWriter w, EmulatedTrack track)
    {
        w.WriteStartObject();
        w.WriteString("file", track.Path);
        w.WriteNumber("size", track.Size);
        if (track.TimezoneMinutes is { } timezone)
        {
            w.WriteNumber("timezone", timezone);
        }

        w.WriteNumber("mode", track.Mode);
        w.WriteNumber("start_date", track.StartDate);
        w.WriteNumber("end_date", track.EndDate);
        w.WriteNumber("duration", track.Duration);
        w.WriteNumber("distance", track.Distance);
        w.WriteNumber("2s_best", track.Best2s);
        w.WriteNumber("10s_best", track.Best10s);
        w.WriteNumber("500m_best", track.Best500m);
        w.WriteNumber("1852m_best", track.Best1852m);
        w.WriteNumber("a500m_best", track.BestAlpha500m);
        w.WriteNumber("1h_best", track.Best1h);
        w.WriteString("spot", track.Notes.Spot);
        w.WriteString("wind", track.Notes.Wind);
        w.WriteString("board", track.Notes.Board);
        w.WriteString("sail", track.Notes.Sail);
        w.WriteString("fin", track.Notes.Fin);
        w.WriteEndObject();
    }

    private static void WriteHardware(Utf8JsonWriter w, DeviceHardware hardware)
    {
        w.WriteStartObject("hardware");
        w.WriteNumber("code", hardware.Code);
        w.WriteString("name", hardware.Name);
        w.WriteEndObject();
    }

    private static byte[] Write(long paddingBytes, string root, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            WritePadding(w, paddingBytes);
            w.WriteStartObject(root);
            body(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An extra property longer than <paramref name="bytes"/>, so the whole document is too.</summary>
    private static void WritePadding(Utf8JsonWriter w, long bytes)
    {
        if (bytes > 0)
        {
            w.WriteString("padding", new string(' ', checked((int)bytes + 1)));
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
