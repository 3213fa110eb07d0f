using System.Diagnostics;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The bytes a walk can see: a whole file already in memory, or a fixed buffer refilled from a stream. Offsets are file
/// offsets; a walk only ever moves forward, so a refill keeps the bytes from the offset asked for (and always the last
/// two, for the end marker check) and drops the rest: memory is the buffer, whatever the file's size.
/// </summary>
internal ref struct OaoByteWindow
{
    private readonly Stream? _stream;
    private readonly byte[]? _buffer;
    private readonly int _capacity;
    private ReadOnlySpan<byte> _data;
    private long _start;
    private bool _atEnd;

    /// <summary>A file in memory: everything is in the window from the start.</summary>
    public OaoByteWindow(ReadOnlySpan<byte> content)
    {
        _data = content;
        _atEnd = true;
    }

    /// <summary>A file read through the first <paramref name="capacity"/> bytes of <paramref name="buffer"/> (a pooled one may be longer), which bound how far ahead anyone may look.</summary>
    public OaoByteWindow(Stream stream, byte[] buffer, int capacity)
    {
        _stream = stream;
        _buffer = buffer;
        _capacity = capacity;
        _data = [];
    }

    /// <summary>File offset just past the last byte in the window (the file's length once <see cref="AtEnd"/>).</summary>
    public readonly long End => _start + _data.Length;

    /// <summary>True when the stream has given all it has: <see cref="End"/> is the file's length.</summary>
    public readonly bool AtEnd => _atEnd;

    /// <summary>
    /// True when bytes <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="count"/> are in the
    /// window, reading more as needed; false when the file ends first (the window then reaches the end of the file).
    /// </summary>
    public bool Has(long offset, int count)
    {
        Debug.Assert(offset >= _start, "a walk never looks back");
        while (offset + count > End)
        {
            if (_atEnd)
            {
                return false;
            }

            Refill(offset);
        }

        return true;
    }

    /// <summary>Bytes from <paramref name="offset"/>, which <see cref="Has"/> put in the window.</summary>
    public readonly ReadOnlySpan<byte> Slice(long offset, int count) => _data.Slice(checked((int)(offset - _start)), count);

    /// <summary>Every byte in the window from <paramref name="offset"/> on.</summary>
    public readonly ReadOnlySpan<byte> From(long offset) => _data[checked((int)(offset - _start))..];

    /// <summary>Reads the rest of the stream without keeping it, so that <see cref="End"/> is the file's length.</summary>
    public void Drain()
    {
        while (!_atEnd)
        {
            Refill(End);
        }
    }

    private void Refill(long keepFrom)
    {
        Debug.Assert(_stream is not null && _buffer is not null, "only a stream is refilled");
        long keep = Math.Max(_start, Math.Min(keepFrom, End - 2));
        int kept = (int)(End - keep);
        _data[(int)(keep - _start)..].CopyTo(_buffer);
        int wanted = _capacity - kept;
        int read = _stream.ReadAtLeast(_buffer.AsSpan(kept), wanted, throwOnEndOfStream: false);
        _atEnd = read < wanted;
        _start = keep;
        _data = _buffer.AsSpan(0, kept + read);
    }
}
