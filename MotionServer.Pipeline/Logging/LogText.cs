using System.Text;

namespace MotionServer.Pipeline.Logging;

/// <summary>
/// Makes device-supplied text (names, firmware, paths, error texts) safe for one log line: control characters
/// are escaped (<c>\n</c>, <c>\u001b</c>…) so a device can never start a line of its own, and very long text is cut.
/// </summary>
internal static class LogText
{
    /// <summary>Longest text kept from a device.</summary>
    public const int MaxLength = 200;

    /// <summary>The text with control characters escaped and cut to <see cref="MaxLength"/>.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        bool needsWork = text.Length > MaxLength;
        foreach (char c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 16);
        foreach (char c in text)
        {
            if (builder.Length >= MaxLength)
            {
                builder.Append('…');
                break;
            }

            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
