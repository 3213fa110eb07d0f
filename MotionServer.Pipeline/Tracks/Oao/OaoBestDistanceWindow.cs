namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The single best of <see cref="OaoBestWindows.OverDistance"/> in one pass: for each end frame i the latest start j
/// with D(i) − D(j) ≥ the distance, speed (D(i) − D(j)) / (tᵢ − tⱼ) truncated; the largest.
/// </summary>
/// <remarks>
/// It keeps the possible starts, one per value of D (of frames with the same D the latest is the start a window takes),
/// and drops from the front a start that can no longer beat the best so far: a window from j ends before the frame
/// after j has added its distance, so its speed stays below (distance + D(j+1) − D(j)) / (t − tⱼ), and t only grows.
/// What is kept is therefore about distance ÷ best speed of frames (a minute or so when sailing), not the file; only
/// a log that crawls before any window exists keeps more. A clock going backwards ends the pruning (such a log has
/// gaps, where the device's rule is unknown anyway, §9).
/// </remarks>
/// <param name="millimetres">The distance, e.g. 500,000 for the best 500 m.</param>
internal sealed class OaoBestDistanceWindow(long millimetres)
{
    private readonly long _threshold = millimetres * 1000;
    private (long Distance, long Utc)[] _starts = new (long, long)[64];
    private int _head;
    private int _count;
    private long _best = -1;
    private bool _clockWentBack;
    private long _lastUtc = long.MinValue;

    /// <summary>The best speed, mm/s; 0 when no window covers the distance.</summary>
    public long Best => _best < 0 ? 0 : Math.Clamp(_best, 0, uint.MaxValue);

    /// <summary>Starts kept now (for tests of the bound).</summary>
    internal int KeptStarts => _count;

    /// <summary>Adds the next frame.</summary>
    /// <param name="cumulative">D(i) in mm·ms/s (µm), never decreasing.</param>
    /// <param name="utc">tᵢ in ms.</param>
    public void Add(long cumulative, long utc)
    {
        _clockWentBack |= utc < _lastUtc;
        _lastUtc = utc;
        MeasureWindowEndingAt(cumulative, utc);
        if (_count > 0 && At(_count - 1).Distance == cumulative)
        {
            At(_count - 1) = (cumulative, utc);
        }
        else
        {
            Push((cumulative, utc));
        }

        if (!_clockWentBack)
        {
            DropHopelessStarts(utc);
        }
    }

    /// <summary>The window ending at this frame: from the latest start at least the distance behind.</summary>
    private void MeasureWindowEndingAt(long cumulative, long utc)
    {
        long limit = cumulative - _threshold;
        if (_count == 0 || At(0).Distance > limit)
        {
            return;
        }

        while (_count > 1 && At(1).Distance <= limit)
        {
            PopFront();
        }

        long elapsed = utc - At(0).Utc;
        if (elapsed > 0)
        {
            _best = Math.Max(_best, (cumulative - At(0).Distance) / elapsed);
        }
    }

    private void DropHopelessStarts(long now)
    {
        while (_best >= 0 && _count > 1)
        {
            var (distance, utc) = At(0);
            long elapsed = now - utc;
            long reach = _threshold + At(1).Distance - distance - 1;
            if (elapsed <= 0 || (Int128)(_best + 1) * elapsed <= reach)
            {
                return;
            }

            PopFront();
        }
    }

    // The ring's length is a power of two (64, doubled when full): a mask wraps it, where a remainder would divide.
    private ref (long Distance, long Utc) At(int index) => ref _starts[(_head + index) & (_starts.Length - 1)];

    private void PopFront()
    {
        _head = (_head + 1) & (_starts.Length - 1);
        _count--;
    }

    private void Push((long Distance, long Utc) start)
    {
        if (_count == _starts.Length)
        {
            var larger = new (long, long)[_starts.Length * 2];
            for (int i = 0; i < _count; i++)
            {
                larger[i] = At(i);
            }

            _starts = larger;
            _head = 0;
        }

        At(_count++) = start;
    }
}
