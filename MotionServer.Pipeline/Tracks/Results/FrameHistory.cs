using System.Numerics;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The recent frames of one set of figures, in a ring of fixed size: enough for the longest window (an hour, with
/// room to spare) at the track's rate, so memory never grows with the track. Frames are numbered from 0 in the order
/// they arrive (the sequence); a window holds the sequence of its start, and <see cref="Oldest"/> says how far back the
/// ring still reaches. A segment (after a gap, for the filtered figures) starts an empty history. The ring is allocated
/// when the first frame is added or copied in: the rules' set of a track the rules keep whole never holds one of its
/// own (it reads the device's), which halves what a healthy track's pass allocates (benchmarks/README.md).
/// </summary>
internal sealed class FrameHistory : IDisposable
{
    /// <summary>Seconds the ring holds at the track's rate: an hour and a quarter.</summary>
    public const int RetainedSeconds = 4500;

    /// <summary>Fewest entries (a rate not known, or very low).</summary>
    public const int MinimumCapacity = 1 << 12;

    /// <summary>Most entries: an hour and a quarter at 58 Hz, 8 MiB.</summary>
    public const int MaximumCapacity = 1 << 18;

    private readonly int _capacity;
    private readonly long _mask;
    private readonly PassRings _rings;
    private HistoryEntry[]? _entries;

    /// <summary>
    /// A ring sized for <paramref name="frequencyHz"/>, and no larger than <paramref name="frameBound"/> frames: a track
    /// that cannot hold an hour and a quarter of frames gets a ring that holds all of them, not an hour's (a
    /// 0.5 MB track at 10 Hz: 0.3 MB of ring instead of 2.1 MB, allocated and cleared for every track).
    /// </summary>
    public FrameHistory(int frequencyHz, long frameBound = long.MaxValue, PassRings? rings = null)
    {
        _rings = rings ?? PassRings.Shared;
        long atRate = (long)RetainedSeconds * Math.Max(1, frequencyHz);
        long wanted = Math.Clamp(Math.Min(atRate, frameBound), MinimumCapacity, MaximumCapacity);
        _capacity = (int)BitOperations.RoundUpToPowerOf2((ulong)wanted);
        _mask = _capacity - 1;
        Newest = -1;
    }

    /// <summary>Entries the ring holds.</summary>
    public int Capacity => _capacity;

    /// <summary>Sequence of the newest frame; −1 before the first.</summary>
    public long Newest { get; private set; }

    /// <summary>Sequence of the oldest frame still held in this segment.</summary>
    public long Oldest { get; private set; }

    /// <summary>Sequence of the first frame of this segment.</summary>
    public long SegmentStart { get; private set; }

    /// <summary>Frames held.</summary>
    public long Count => Newest - Oldest + 1;

    /// <summary>The frame with this sequence (between <see cref="Oldest"/> and <see cref="Newest"/>).</summary>
    public ref readonly HistoryEntry this[long sequence] => ref _entries![sequence & _mask];

    /// <summary>The newest frame.</summary>
    public ref readonly HistoryEntry Last => ref _entries![Newest & _mask];

    /// <summary>Appends a frame; the oldest falls out when the ring is full.</summary>
    public void Add(in HistoryEntry entry)
    {
        _entries ??= _rings.RentHistory(_capacity);
        Newest++;
        _entries[Newest & _mask] = entry;
        if (Newest - Oldest >= _capacity)
        {
            Oldest = Newest - _capacity + 1;
        }
    }

    /// <summary>Takes the frames of <paramref name="other"/>, a history of the same capacity.</summary>
    public void CopyFrom(FrameHistory other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._entries is not null)
        {
            _entries ??= _rings.RentHistory(_capacity);
            Array.Copy(other._entries, _entries, _capacity);
        }

        (Newest, Oldest, SegmentStart) = (other.Newest, other.Oldest, other.SegmentStart);
    }

    /// <summary>Gives the ring back to the pool (<see cref="PassRings"/>); the history is not used after this.</summary>
    public void Dispose() => _rings.Return(ref _entries);

    /// <summary>Starts a new segment: the next frame added is the first held.</summary>
    public void StartSegment()
    {
        Oldest = Newest + 1;
        SegmentStart = Oldest;
    }
}
