using System.Globalization;
using System.Text.Json;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Devices;

/// <summary>
/// Tolerant readers for device JSON: the devices send numbers sometimes as numbers and sometimes as strings
/// (settings.json sends them all as strings), and older firmware uses other shapes.
/// </summary>
internal static class JsonFields
{
    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : null;

    public static long? AsInt64(this JsonElement? element)
    {
        if (element is not { } e)
        {
            return null;
        }

        return e.ValueKind switch
        {
            JsonValueKind.Number when e.TryGetInt64(out long l) => l,
            JsonValueKind.Number when e.TryGetDouble(out double d) && double.IsFinite(d) && Math.Abs(d) < 9e18 => (long)d,
            JsonValueKind.String when TryGetText(e, out string? text)
                && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long s) => s,
            _ => null,
        };
    }

    public static int? AsInt32(this JsonElement? element) =>
        element.AsInt64() is { } l && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    /// <summary>Text or a number as text; null when absent, of another type, or not valid text (a lone surrogate escape).</summary>
    public static string? AsText(this JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => TryGetText(e, out string? text) ? text : null,
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        _ => null,
    };

    /// <summary>
    /// Reads a string without throwing: <see cref="JsonElement.GetString"/> throws on an escape that is not valid UTF-16
    /// (<c>"\ud800"</c> alone), which a device can send.
    /// </summary>
    public static bool TryGetText(JsonElement element, out string? text)
    {
        text = null;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            text = element.GetString();
            return text is not null;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads a whole number in [<paramref name="min"/>, <paramref name="max"/>], sent as a number or as a string (as some
    /// firmware sends them). Returns why not, or null when <paramref name="value"/> is good.
    /// </summary>
    public static string? ReadInteger(this JsonElement? element, string field, long min, long max, out long value)
    {
        value = 0;
        if (element is not { } e)
        {
            return $"{field} is missing";
        }

        decimal number;
        switch (e.ValueKind)
        {
            case JsonValueKind.Number when e.TryGetInt64(out long whole):
                number = whole;
                break;
            case JsonValueKind.Number when e.TryGetDecimal(out decimal d):
                number = d;
                break;
            case JsonValueKind.Number:
                return $"{field} {Shorten(e.GetRawText())} is out of range";
            case JsonValueKind.String when TryGetText(e, out string? text)
                && decimal.TryParse(text!.Trim(), NumberStyles.Integer | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                    CultureInfo.InvariantCulture, out decimal parsed):
                number = parsed;
                break;
            case JsonValueKind.Null:
                return $"{field} is null";
            default:
                return $"{field} {Shorten(e.GetRawText())} is not a number";
        }

        if (number != decimal.Truncate(number))
        {
            return $"{field} {Shorten(e.GetRawText())} is not a whole number";
        }

        if (number < min || number > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{field} {Shorten(e.GetRawText())} is out of range ({min} to {max})");
        }

        value = (long)number;
        return null;
    }

    /// <summary>A device's raw value, shortened for a log line (escaped by the caller).</summary>
    private static string Shorten(string raw) => raw.Length <= 40 ? raw : string.Concat(raw.AsSpan(0, 40), "…");

    /// <summary>Parses a device document, turning malformed JSON into a clear refusal.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> bytes, string documentName)
    {
        try
        {
            // A UTF-8 byte-order mark (left by some editors and firmware) is harmless: skip it.
            return JsonDocument.Parse(Utf8Bom.Skip(bytes), new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new DeviceAnswerException($"{documentName} is not valid JSON (line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)})");
        }
    }

    public static JsonElement RequireObject(JsonElement root, string property, string documentName) =>
        root.Child(property) is { ValueKind: JsonValueKind.Object } value
            ? value
            : throw new DeviceAnswerException($"{documentName} has no \"{property}\" object");

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
