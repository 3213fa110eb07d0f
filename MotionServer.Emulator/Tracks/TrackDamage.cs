using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Emulator.Tracks;

/// <summary>
/// Damages a valid <c>.oao</c> file deliberately and reproducibly (the same bytes in, the same bytes out), for tests and
/// the demo: a verifier must flag each kind. The frames are found by walking the file, so device padding (extra header
/// frames) does not matter.
/// </summary>
public static class TrackDamage
{
    /// <summary>Bytes <see cref="TrackDamageKind.UnknownBytes"/> inserts: 0xEE is no mode's byte, and holds no 0x0A to resynchronise on.</summary>
    public const int UnknownByteCount = 37;

    /// <summary>Offset in a GNSS frame of the byte <see cref="TrackDamageKind.FlippedByte"/> inverts: the speed's low byte.</summary>
    private const int FlippedOffset = OaoGnssFrame.SpeedOffset;

    /// <summary>A damaged copy of <paramref name="content"/> (a valid file with at least one GNSS frame after its header).</summary>
    /// <param name="content">The valid file.</param>
    /// <param name="kind">The damage.</param>
    public static byte[] Apply(ReadOnlySpan<byte> content, TrackDamageKind kind)
    {
        switch (kind)
        {
            case TrackDamageKind.FlippedByte:
            {
                var bytes = content.ToArray();
                bytes[GnssFrameAt(content, 0.5) + FlippedOffset] ^= 0xFF;
                return bytes;
            }

            case TrackDamageKind.CutMidFrame:
                return content[..(GnssFrameAt(content, 0.9) + (OaoFrame.GnssLength / 2))].ToArray();

            case TrackDamageKind.BadHeaderChecksum:
            {
                if (OaoFrame.ReadMode(content) != (ushort)OaoFrameMode.Header)
                {
                    throw new ArgumentException("The file does not begin with a header frame.", nameof(content));
                }

                var bytes = content.ToArray();
                bytes[OaoFrame.ChecksumOffset] ^= 0xFF;
                return bytes;
            }

            case TrackDamageKind.UnknownBytes:
            {
                int at = GnssFrameAt(content, 0.5);
                var bytes = new byte[content.Length + UnknownByteCount];
                content[..at].CopyTo(bytes);
                bytes.AsSpan(at, UnknownByteCount).Fill(0xEE);
                content[at..].CopyTo(bytes.AsSpan(at + UnknownByteCount));
                return bytes;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown damage.");
        }
    }

    /// <summary>The offset of the GNSS frame at about <paramref name="fraction"/> of the file (the first one after it).</summary>
    private static int GnssFrameAt(ReadOnlySpan<byte> content, double fraction)
    {
        int target = (int)(content.Length * fraction);
        int offset = 0;
        int lastGnss = -1;
        while (content.Length - offset >= 2)
        {
            ushort mode = OaoFrame.ReadMode(content[offset..]);
            int length = OaoFrame.GetLength(mode);
            if (length == 0 || length > content.Length - offset)
            {
                break;
            }

            if (mode is (ushort)OaoFrameMode.GnssAligned or (ushort)OaoFrameMode.GnssUnaligned)
            {
                lastGnss = offset;
                if (offset >= target)
                {
                    return offset;
                }
            }

            offset += length;
        }

        return lastGnss >= 0 ? lastGnss : throw new ArgumentException("The file holds no GNSS frame to damage.", nameof(content));
    }
}
