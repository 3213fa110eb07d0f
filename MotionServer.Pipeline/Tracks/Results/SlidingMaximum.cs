namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The fastest frame speed among the frames of a <see cref="FrameHistory"/> after a start that only moves forward:
/// a queue of sequences whose speeds decrease, so each frame enters and leaves it once.
/// </summary>
internal sealed class SlidingMaximum(int capacity)
{
    private readonly long[] _sequences = new long[capacity];
    private readonly int _mask = capacity - 1;
    private long _head;
    private long _tail;

    /// <summary>Adds a frame of <paramref name="history"/>, later than every frame added before.</summary>
    public void Add(FrameHistory history, long sequence)
    {
        uint speed = history[sequence].Speed;
        while (_tail > _head && history[_sequences[(_tail - 1) & _mask]].Speed <= speed)
        {
            _tail--;
        }

        _sequences[_tail++ & _mask] = sequence;
    }

    /// <summary>The fastest speed of the frames after <paramref name="start"/> (0 when none).</summary>
    public uint After(FrameHistory history, long start)
    {
        while (_tail > _head && _sequences[_head & _mask] <= start)
        {
            _head++;
        }

        return _tail > _head ? history[_sequences[_head & _mask]].Speed : 0;
    }
}
