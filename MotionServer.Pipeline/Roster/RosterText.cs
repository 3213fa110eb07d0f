using System.Text;

namespace MotionServer.Pipeline.Roster;

/// <summary>
/// Decodes a roster file the way spreadsheets save it: UTF-8 with or without a byte-order mark ("CSV UTF-8"),
/// UTF-16 with its mark ("Unicode text"), or — when the bytes are not UTF-8 at all — the Windows code page 1252 that
/// Excel's plain "CSV" uses in Western Europe, so that "Zoë Müller" stays readable instead of turning into "Zo� M�ller".
/// </summary>
internal static class RosterText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="bytes"/>, without a byte-order mark.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252().GetString(bytes);
        }
    }

    private static Encoding Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // idempotent
        return Encoding.GetEncoding(1252);
    }
}
