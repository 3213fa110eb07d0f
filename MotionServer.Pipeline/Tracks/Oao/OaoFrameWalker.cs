using System.Buffers;
using System.Globalization;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The loop of §10 as one forward pass: walks the frames of a file in memory or of a stream read through a fixed
/// buffer, applies the policies, hands every valid header and GNSS frame to its sink and notes the anomalies in its
/// log. Nothing it keeps grows with the file (the log is capped): memory is the buffer. Resynchronising costs work in
/// proportion to the bytes it crosses (<see cref="OaoChecksumWindow"/>), and the pass stops when cancelled.
/// </summary>
internal sealed class OaoFrameWalker
{
    /// <summary>The buffer a stream is read through (below the large-object threshold: it dies young).</summary>
    public const int DefaultBufferSize = 64 * 1024;

    /// <summary>The smallest buffer: two header frames, so that a frame and what follows it always fit.</summary>
    public const int MinimumBufferSize = 2 * OaoFrame.HeaderLength;

    /// <summary>How often the token is looked at, in bytes walked or scanned.</summary>
    private const int CancellationStride = 64 * 1024;

    private readonly OaoReaderOptions _options;
    private readonly IOaoFrameSink _sink;
    private readonly OaoAnomalyLog _anomalies;
    private readonly CancellationToken _cancellationToken;
    private OaoChecksumWindow _checksums = new(DefaultBufferSize);
    private long _nextCancellationCheck;
    private long _checksumBytes;
    private int _headers;
    private int _gnssFrames;
    private int _otherFrames;

    /// <summary>A walker for one pass.</summary>
    /// <param name="options">Policies for bad data.</param>
    /// <param name="sink">Receives the valid header and GNSS frames in file order.</param>
    /// <param name="anomalies">Where anomalies go (its cap decides what is kept).</param>
    /// <param name="cancellationToken">Stops the pass (<see cref="OperationCanceledException"/>), looked at every 64 KiB.</param>
    public OaoFrameWalker(OaoReaderOptions options, IOaoFrameSink sink, OaoAnomalyLog anomalies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(anomalies);
        _options = options;
        _sink = sink;
        _anomalies = anomalies;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Walks a file already in memory.</summary>
    public OaoWalk Walk(ReadOnlySpan<byte> content)
    {
        var window = new OaoByteWindow(content);
        return Run(ref window);
    }

    /// <summary>Walks a stream from its current position to its end, through a buffer of <paramref name="bufferSize"/> bytes.</summary>
    public OaoWalk Walk(Stream stream, int bufferSize = DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, MinimumBufferSize);
        _checksums = new OaoChecksumWindow(bufferSize);

        // A pooled buffer: every track landing is walked once, and a new 64 KiB each time was garbage of every pass.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            var window = new OaoByteWindow(stream, buffer, bufferSize);
            return Run(ref window);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private OaoWalk Run(ref OaoByteWindow window)
    {
        bool startsWithHeader = StartsWithValidHeader(ref window);
        long offset = 0;
        bool frameAfterMarker = false;
        while (window.Has(offset, 2))
        {
            CheckCancellation(offset);
            long next = Step(ref window, offset);
            if (next < 0)
            {
                frameAfterMarker = EndMarker(ref window, offset);
                offset = window.End;
                break;
            }

            offset = next;
        }

        if (offset < window.End)
        {
            // One byte left: a frame cut after its first byte.
            Skip(OaoAnomalyKind.Truncated, offset, window.End, 0);
        }

        return new OaoWalk
        {
            Length = window.End,
            HeaderCount = _headers,
            GnssFrameCount = _gnssFrames,
            OtherFrameCount = _otherFrames,
            StartsWithValidHeader = startsWithHeader,
            FrameAfterEndMarker = frameAfterMarker,
            Anomalies = _anomalies,
            ChecksumBytes = _checksumBytes + _checksums.BytesSummed,
        };
    }

    /// <summary>Handles whatever starts at <paramref name="offset"/>; returns where to go on, or −1 at an end marker.</summary>
    private long Step(ref OaoByteWindow window, long offset)
    {
        ushort mode = OaoFrame.ReadMode(window.Slice(offset, 2));
        if (mode == (ushort)OaoFrameMode.EndMarker)
        {
            return -1;
        }

        int length = OaoFrame.GetLength(mode);
        if (length == 0)
        {
            if (_options.UnknownModePolicy == OaoUnknownModePolicy.Reject)
            {
                throw new OaoFormatException(Format($"Unknown OAO frame mode 0x{mode:X4} at offset {offset}."), checked((int)offset));
            }

            return Skip(OaoAnomalyKind.Resynchronised, offset, NextFrame(ref window, offset + 1), mode);
        }

        if (!window.Has(offset, length))
        {
            return Incomplete(ref window, offset, mode);
        }

        if (_options.ChecksumPolicy != OaoChecksumPolicy.Ignore && !IsValid(window.Slice(offset, length)))
        {
            return BadChecksum(ref window, offset, length, mode);
        }

        Keep(window.Slice(offset, length), (OaoFrameMode)mode);
        return offset + length;
    }

    private long BadChecksum(ref OaoByteWindow window, long offset, int length, ushort mode)
    {
        if (_options.ChecksumPolicy == OaoChecksumPolicy.Reject)
        {
            throw new OaoFormatException(Format($"Bad checksum in OAO frame 0x{mode:X4} at offset {offset}."), checked((int)offset));
        }

        // A damaged mode may give a wrong length: trust it only when a frame boundary follows. The window keeps the
        // frame while the two bytes after it are looked at, for the scan from inside it.
        long next = offset + length;
        bool boundary = !window.Has(offset, length + 2) || LooksLikeBoundary(window.Slice(next, 2));
        if (!boundary && _options.UnknownModePolicy == OaoUnknownModePolicy.Resynchronise)
        {
            next = NextFrame(ref window, offset + 1);
        }

        return Skip(OaoAnomalyKind.BadChecksum, offset, next, mode);
    }

    /// <summary>A known mode whose frame does not fit: truncation, unless a valid frame follows (then it was damage).</summary>
    private long Incomplete(ref OaoByteWindow window, long offset, ushort mode)
    {
        if (_options.UnknownModePolicy == OaoUnknownModePolicy.Resynchronise)
        {
            long next = NextFrame(ref window, offset + 1);
            if (next < window.End)
            {
                return Skip(OaoAnomalyKind.Resynchronised, offset, next, mode);
            }
        }

        return Skip(OaoAnomalyKind.Truncated, offset, window.End, mode);
    }

    /// <summary>
    /// The end marker at <paramref name="offset"/> stops the reading; the rest of the file is still scanned for a valid
    /// frame (which the marker would hide) and read to its end for its length. Returns true when a frame follows.
    /// </summary>
    private bool EndMarker(ref OaoByteWindow window, long offset)
    {
        bool frameFollows = ScanForFrame(ref window, offset + 2) >= 0;
        window.Drain();
        Skip(OaoAnomalyKind.TrailingBytes, offset, window.End, (ushort)OaoFrameMode.EndMarker);
        return frameFollows;
    }

    private void Keep(ReadOnlySpan<byte> frame, OaoFrameMode mode)
    {
        switch (mode)
        {
            case OaoFrameMode.Header:
                _headers++;
                _sink.OnHeader(OaoHeader.Read(frame));
                break;
            case OaoFrameMode.GnssAligned or OaoFrameMode.GnssUnaligned:
                _gnssFrames++;
                var gnss = OaoGnssFrame.Read(frame);
                _sink.OnGnssFrame(in gnss);
                break;
            default:
                _otherFrames++;
                break;
        }
    }

    private long Skip(OaoAnomalyKind kind, long offset, long next, ushort mode)
    {
        _anomalies.Add(new OaoAnomaly(kind, checked((int)offset), checked((int)(next - offset)), mode));
        return next;
    }

    private bool StartsWithValidHeader(ref OaoByteWindow window) =>
        window.Has(0, OaoFrame.HeaderLength)
        && OaoFrame.ReadMode(window.Slice(0, 2)) == (ushort)OaoFrameMode.Header
        && IsValid(window.Slice(0, OaoFrame.HeaderLength));

    private bool IsValid(ReadOnlySpan<byte> frame)
    {
        _checksumBytes += frame.Length;
        return OaoChecksum.IsValid(frame);
    }

    /// <summary>True before the end marker or before a known mode (its checksum is not checked here).</summary>
    private static bool LooksLikeBoundary(ReadOnlySpan<byte> twoBytes)
    {
        ushort mode = OaoFrame.ReadMode(twoBytes);
        return mode == (ushort)OaoFrameMode.EndMarker || OaoFrame.IsKnown(mode);
    }

    /// <summary>
    /// The first offset from <paramref name="start"/> on holding a known mode whose whole frame fits and has a valid
    /// checksum, or the end marker as the file's last two bytes; the file's length when there is none.
    /// </summary>
    private long NextFrame(ref OaoByteWindow window, long start)
    {
        long found = ScanForFrame(ref window, start);
        if (found >= 0)
        {
            return found;
        }

        // The scan reached the end: the window holds the file's last two bytes.
        long length = window.End;
        bool endsWithMarker = length - start >= 2 && OaoFrame.ReadMode(window.Slice(length - 2, 2)) == (ushort)OaoFrameMode.EndMarker;
        return endsWithMarker ? length - 2 : length;
    }

    /// <summary>The first offset from <paramref name="start"/> on holding a valid frame, or −1 (the window then at the file's end).</summary>
    private long ScanForFrame(ref OaoByteWindow window, long start)
    {
        // Every known mode has 0x0A as its high (second) byte: look for that byte, then check the candidate before it.
        long candidate = start;
        while (window.Has(candidate, 2))
        {
            CheckCancellation(candidate);
            int found = window.From(candidate + 1).IndexOf((byte)0x0A);
            if (found < 0)
            {
                candidate = window.End - 1;
                continue;
            }

            candidate += found;
            if (IsCandidateValid(ref window, candidate))
            {
                return candidate;
            }

            candidate++;
        }

        return -1;
    }

    private bool IsCandidateValid(ref OaoByteWindow window, long candidate)
    {
        int length = OaoFrame.GetLength(OaoFrame.ReadMode(window.Slice(candidate, 2)));
        return length != 0 && window.Has(candidate, length) && _checksums.IsValid(ref window, candidate, length);
    }

    private void CheckCancellation(long position)
    {
        if (position >= _nextCancellationCheck)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _nextCancellationCheck = position + CancellationStride;
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
