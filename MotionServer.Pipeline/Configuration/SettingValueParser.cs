using System.Globalization;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// Turns a setting's text into its property's type, in the forms the settings' contract names (invariant numbers,
/// durations as <c>hh:mm:ss</c>, never negative), and says the form expected when the text is not one.
/// </summary>
internal static class SettingValueParser
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Parses <paramref name="text"/> as a <paramref name="type"/>; false with the form expected when it is not one.</summary>
    public static bool TryParse(string text, Type type, out object? value, out string expected)
    {
        value = null;
        expected = type.Name;
        if (type == typeof(string))
        {
            value = text;
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            if (text.Length == 0)
            {
                return true;
            }

            type = underlying;
        }

        expected = Expected(type) ?? type.Name;
        value = Parse(text, type);
        return value is not null;
    }

    private static string? Expected(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Int32 or TypeCode.Int64 => "a whole number",
        TypeCode.Boolean => "true or false",
        TypeCode.Double => "a number",
        _ when type == typeof(TimeSpan) => "a duration as hh:mm:ss (for example 00:00:05)",
        _ => null,
    };

    private static object? Parse(string text, Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Int32 => int.TryParse(text, NumberStyles.Integer, Invariant, out int i) ? i : null,
        TypeCode.Int64 => long.TryParse(text, NumberStyles.Integer, Invariant, out long l) ? l : null,
        TypeCode.Boolean => bool.TryParse(text, out bool b) ? b : null,
        TypeCode.Double => double.TryParse(text, NumberStyles.Float, Invariant, out double d) && double.IsFinite(d) ? d : null,
        _ when type == typeof(TimeSpan) => TimeSpan.TryParseExact(text, "c", Invariant, out var t) && t >= TimeSpan.Zero ? t : null,
        _ => null,
    };
}
