using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MotionServer.Host.Configuration;

/// <summary>
/// Finds the line of a configuration key in a JSON settings file, so a bad setting can be reported as
/// "appsettings.json line 12". Keys compare case-insensitively, as configuration does; array items are
/// numbered as configuration numbers them (<c>ApprovedFirmware:0</c>).
/// </summary>
internal static class JsonKeyLocator
{
    /// <summary>The 1-based line of <paramref name="key"/> (e.g. <c>MotionServer:Download:Workers</c>), or null.</summary>
    public static int? FindLine(byte[] json, string key)
    {
        var target = key.Split(':');
        var containers = new Stack<Container>();
        string? property = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                if (IsTheKey(ref reader, containers, ref property, target))
                {
                    return LineOf(json, reader.TokenStartIndex);
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>Follows one token into <paramref name="containers"/>; true when it is the key's name or value.</summary>
    private static bool IsTheKey(ref Utf8JsonReader reader, Stack<Container> containers, ref string? property, string[] target)
    {
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            property = reader.GetString();
            return Matches(containers, property!, target);
        }

        if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
        {
            containers.Pop();
            return false;
        }

        // A value: named by the property before it, or by its index in the enclosing array.
        string? segment = property;
        property = null;
        bool opens = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        if (segment is null && containers.TryPeek(out var parent) && parent.IsArray)
        {
            segment = (parent.NextIndex++).ToString(CultureInfo.InvariantCulture);
            if (!opens && Matches(containers, segment, target))
            {
                return true;
            }
        }

        if (opens)
        {
            containers.Push(new Container(segment, reader.TokenType == JsonTokenType.StartArray));
        }

        return false;
    }

    /// <summary>For tests: locate in text.</summary>
    public static int? FindLine(string json, string key) => FindLine(Encoding.UTF8.GetBytes(json), key);

    private static bool Matches(Stack<Container> containers, string last, string[] target)
    {
        // The stack enumerates innermost first; the root container has no segment.
        var path = containers.Reverse().Where(c => c.Segment is not null).Select(c => c.Segment!).Append(last).ToArray();
        return path.Length == target.Length && path.Zip(target).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
    }

    private static int LineOf(byte[] json, long offset)
    {
        int line = 1;
        for (long i = 0; i < offset && i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }

    private sealed class Container(string? segment, bool isArray)
    {
        public string? Segment { get; } = segment;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
