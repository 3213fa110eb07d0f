using System.Globalization;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>One piece of trouble found while reading a file.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Offset">Offset in the file where it starts.</param>
/// <param name="ByteCount">How many bytes it covers (skipped, ignored or left over).</param>
/// <param name="Mode">The mode found at <paramref name="Offset"/> (0 when fewer than 2 bytes were left).</param>
internal sealed record OaoAnomaly(OaoAnomalyKind Kind, int Offset, int ByteCount, ushort Mode)
{
    /// <summary>A sentence for logs, e.g. <c>bad checksum in frame 0x0AD4 at offset 1084 (52 bytes skipped)</c>.</summary>
    public override string ToString() => Kind switch
    {
        OaoAnomalyKind.TrailingBytes => Format($"end marker at offset {Offset} ({ByteCount} bytes ignored)"),
        OaoAnomalyKind.BadChecksum => Format($"bad checksum in frame 0x{Mode:X4} at offset {Offset} ({ByteCount} bytes skipped)"),
        OaoAnomalyKind.Resynchronised => Format($"no valid frame at offset {Offset} (mode 0x{Mode:X4}): {ByteCount} bytes skipped"),
        OaoAnomalyKind.Truncated => Format($"truncated at offset {Offset}: {ByteCount} bytes of an incomplete frame"),
        _ => Format($"{Kind} at offset {Offset} ({ByteCount} bytes)"),
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
