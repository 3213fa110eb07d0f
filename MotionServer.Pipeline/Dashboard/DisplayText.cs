using System.Globalization;
using System.Text;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// Makes text from a device, a roster or a log fit for a page: control and invisible formatting characters
/// (which could break a line or reorder what the staff read) become visible escapes, and very long text is cut.
/// HTML-encoding is the template engine's job; this only decides which characters reach it.
/// </summary>
internal static class DisplayText
{
    /// <summary>Longest text shown for one value; device strings beyond it are cut with an ellipsis.</summary>
    public const int MaxLength = 200;

    /// <summary>What an unknown value shows.</summary>
    public const string Unknown = "—";

    /// <summary>Returns <paramref name="text"/> with control and format characters escaped, cut to <see cref="MaxLength"/>; "" for null.</summary>
    public static string Clean(string? text, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.Length <= maxLength && !NeedsEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

            if (IsHidden(rune))
            {
                builder.Append(rune.Value <= 0xFF
                    ? string.Create(CultureInfo.InvariantCulture, $"\\x{rune.Value:X2}")
                    : string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}"));
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>Like <see cref="Clean"/>, but <see cref="Unknown"/> for null or empty text.</summary>
    public static string OrUnknown(string? text) => string.IsNullOrEmpty(text) ? Unknown : Clean(text);

    private static bool NeedsEscaping(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHidden(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHidden(Rune rune) =>
        Rune.IsControl(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse;
}
