using System.Globalization;

using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

/// <summary>
/// The walk as it was before it streamed (the whole file in memory, a 512-byte checksum at every resync candidate):
/// the reference the streaming <see cref="OaoFrameWalker"/> must agree with.
/// </summary>
internal sealed class InMemoryOaoWalk(OaoReaderOptions options)
{
    private readonly List<OaoHeader> _headers = [];
    private readonly List<OaoAnomaly> _anomalies = [];
    private List<OaoGnssFrame> _frames = [];
    private int _otherFrames;

    public OaoReadResult Walk(ReadOnlySpan<byte> content)
    {
        _frames = new List<OaoGnssFrame>(content.Length / OaoFrame.GnssLength);
        int offset = 0;
        while (content.Length - offset >= 2)
        {
            offset = Step(content, offset);
        }

        if (offset < content.Length)
        {
            // One byte left: a frame cut after its first byte.
            _anomalies.Add(new OaoAnomaly(OaoAnomalyKind.Truncated, offset, content.Length - offset, 0));
        }

        return new OaoReadResult(content.Length, _headers, _frames, _otherFrames, _anomalies);
    }

    /// <summary>True when a valid frame lies after the end marker at <paramref name="markerOffset"/>.</summary>
    public static bool FrameFollows(ReadOnlySpan<byte> content, int markerOffset) =>
        NextFrame(content, markerOffset + 2) < content.Length - 2;

    /// <summary>True when the file begins with a whole, valid header frame.</summary>
    public static bool StartsWithValidHeader(ReadOnlySpan<byte> content) =>
        content.Length >= OaoFrame.HeaderLength
        && OaoFrame.ReadMode(content) == (ushort)OaoFrameMode.Header
        && OaoChecksum.IsValid(content[..OaoFrame.HeaderLength]);

    /// <summary>Handles whatever starts at <paramref name="offset"/>; returns where to go on.</summary>
    private int Step(ReadOnlySpan<byte> content, int offset)
    {
        ushort mode = OaoFrame.ReadMode(content[offset..]);
        if (mode == (ushort)OaoFrameMode.EndMarker)
        {
            _anomalies.Add(new OaoAnomaly(OaoAnomalyKind.TrailingBytes, offset, content.Length - offset, mode));
            return content.Length;
        }

        int length = OaoFrame.GetLength(mode);
        if (length == 0)
        {
            if (options.UnknownModePolicy == OaoUnknownModePolicy.Reject)
            {
                throw new OaoFormatException(Format($"Unknown OAO frame mode 0x{mode:X4} at offset {offset}."), offset);
            }

            return Skip(OaoAnomalyKind.Resynchronised, offset, NextFrame(content, offset + 1), mode);
        }

        if (length > content.Length - offset)
        {
            return Incomplete(content, offset, mode);
        }

        var frame = content.Slice(offset, length);
        if (options.ChecksumPolicy != OaoChecksumPolicy.Ignore && !OaoChecksum.IsValid(frame))
        {
            if (options.ChecksumPolicy == OaoChecksumPolicy.Reject)
            {
                throw new OaoFormatException(Format($"Bad checksum in OAO frame 0x{mode:X4} at offset {offset}."), offset);
            }

            // A damaged mode may give a wrong length: trust it only when a frame boundary follows.
            int next = offset + length;
            if (!LooksLikeBoundary(content, next) && options.UnknownModePolicy == OaoUnknownModePolicy.Resynchronise)
            {
                next = NextFrame(content, offset + 1);
            }

            return Skip(OaoAnomalyKind.BadChecksum, offset, next, mode);
        }

        Keep(frame, (OaoFrameMode)mode);
        return offset + length;
    }

    /// <summary>A known mode whose frame does not fit: truncation, unless a valid frame follows (then it was damage).</summary>
    private int Incomplete(ReadOnlySpan<byte> content, int offset, ushort mode)
    {
        if (options.UnknownModePolicy == OaoUnknownModePolicy.Resynchronise)
        {
            int next = NextFrame(content, offset + 1);
            if (next < content.Length)
            {
                return Skip(OaoAnomalyKind.Resynchronised, offset, next, mode);
            }
        }

        return Skip(OaoAnomalyKind.Truncated, offset, content.Length, mode);
    }

    private void Keep(ReadOnlySpan<byte> frame, OaoFrameMode mode)
    {
        switch (mode)
        {
            case OaoFrameMode.Header:
                _headers.Add(OaoHeader.Read(frame));
                break;
            case OaoFrameMode.GnssAligned or OaoFrameMode.GnssUnaligned:
                _frames.Add(OaoGnssFrame.Read(frame));
                break;
            default:
                _otherFrames++;
                break;
        }
    }

    private int Skip(OaoAnomalyKind kind, int offset, int next, ushort mode)
    {
        _anomalies.Add(new OaoAnomaly(kind, offset, next - offset, mode));
        return next;
    }

    /// <summary>True at the end, before the end marker or before a known mode (its checksum is not checked here).</summary>
    private static bool LooksLikeBoundary(ReadOnlySpan<byte> content, int offset)
    {
        if (content.Length - offset < 2)
        {
            return true;
        }

        ushort mode = OaoFrame.ReadMode(content[offset..]);
        return mode == (ushort)OaoFrameMode.EndMarker || OaoFrame.IsKnown(mode);
    }

    /// <summary>
    /// The first offset from <paramref name="start"/> on holding a known mode whose whole frame fits and has a valid
    /// checksum, or the end marker as the file's last two bytes; the file's length when there is none.
    /// </summary>
    internal static int NextFrame(ReadOnlySpan<byte> content, int start)
    {
        // Every known mode has 0x0A as its high (second) byte: look for that byte, then check the candidate before it.
        int candidate = start;
        while (content.Length - candidate >= 2)
        {
            int found = content[(candidate + 1)..].IndexOf((byte)0x0A);
            if (found < 0)
            {
                break;
            }

            candidate += found;
            ushort mode = OaoFrame.ReadMode(content[candidate..]);
            int length = OaoFrame.GetLength(mode);
            if (length != 0 && length <= content.Length - candidate && OaoChecksum.IsValid(content.Slice(candidate, length)))
            {
                return candidate;
            }

            candidate++;
        }

        return EndsWithMarker(content, start) ? content.Length - 2 : content.Length;
    }

    private static bool EndsWithMarker(ReadOnlySpan<byte> content, int start) =>
        content.Length - start >= 2 && OaoFrame.ReadMode(content[^2..]) == (ushort)OaoFrameMode.EndMarker;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
