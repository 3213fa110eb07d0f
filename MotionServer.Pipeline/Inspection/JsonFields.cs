using System.Globalization;
using System.Text.Json;

namespace MotionServer.Pipeline.Inspection;

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
            JsonValueKind.String when long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long s) => s,
            _ => null,
        };
    }

    public static int? AsInt32(this JsonElement? element) =>
        element.AsInt64() is { } l && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    public static string? AsText(this JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        _ => null,
    };

    /// <summary>Parses a device document, turning malformed JSON into a clear refusal.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> bytes, string documentName)
    {
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
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
