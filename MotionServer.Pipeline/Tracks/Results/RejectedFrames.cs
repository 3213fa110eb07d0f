namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The most recent frames the rules set aside, in a ring of fixed size: the device's figures ask, when they find a new
/// best window, what was wrong inside it, while those frames are still recent. The ring is allocated at the first frame
/// set aside: most tracks have none.
/// </summary>
internal sealed class RejectedFrames
{
    /// <summary>Frames held; a window asks about at most this many.</summary>
    public const int Capacity = 4096;

    private RejectedFrame[]? _frames;
    private long _count;

    /// <summary>Frames set aside so far.</summary>
    public long Count => _count;

    /// <summary>Records a frame set aside.</summary>
    public void Add(in RejectedFrame frame)
    {
        _frames ??= new RejectedFrame[Capacity];
        _frames[_count % Capacity] = frame;
        _count++;
    }

    /// <summary>The frames set aside between two times (inclusive), newest first, as far back as the ring reaches.</summary>
    public FaultSummary Between(long firstUtc, long lastUtc)
    {
        var summary = FaultSummary.Empty;
        long oldest = Math.Max(0, _count - Capacity);
        for (long i = _count - 1; i >= oldest; i--)
        {
            ref readonly var frame = ref _frames![i % Capacity];
            if (frame.Utc < firstUtc)
            {
                break;
            }

            if (frame.Utc <= lastUtc)
            {
                summary = summary.With(frame);
            }
        }

        return summary;
    }
}
