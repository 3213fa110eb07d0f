namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// The starts of the alpha search measured against a pace (the best speed so far): a frame's lead is how far its
/// Doppler distance is ahead of a boat sailing at that pace, D − pace · t. A window from start j to end i is faster than
/// the pace exactly when the end's lead is greater than the start's, so the least lead among a range of starts tells
/// at once whether any of them can beat the best. A queue of sequences whose leads increase (each start enters and
/// leaves once) over a range that only moves forward; a new pace reorders the leads, so the queue is rebuilt.
/// </summary>
internal sealed class PaceLeads(int capacity, PassRings rings) : IDisposable
{
    /// <summary>
    /// The leads are doubles of magnitude up to D + pace · t; a start is passed over only when its lead is ahead of the
    /// end's by more than this share of that magnitude, far beyond the rounding of either, so a start that could beat
    /// the pace is never passed over.
    /// </summary>
    private const double RoundingShare = 1e-10;

    private long[]? _sequences = rings.RentLongs(capacity);
    private double[]? _leads = rings.RentDoubles(capacity);
    private readonly int _mask = capacity - 1;
    private long _head;
    private long _tail;
    private long _origin;
    private long _reach;
    private bool _started;

    /// <summary>Starts the ring holds (the history's capacity).</summary>
    public int Capacity => _mask + 1;

    /// <summary>The pace, mm/s: the best speed so far (0 before any).</summary>
    public double Pace { get; private set; }

    /// <summary>Notes the newest frame's time (the leads count time from the first frame, to keep them small).</summary>
    public void Observe(in HistoryEntry newest)
    {
        if (!_started)
        {
            _origin = newest.Utc;
            _started = true;
        }

        _reach = Math.Max(_reach, Math.Abs(newest.Utc - _origin));
    }

    /// <summary>The lead of a frame over the pace, µm.</summary>
    public double Lead(in HistoryEntry entry) => entry.Distance - (Pace * (entry.Utc - _origin));

    /// <summary>How far a start's lead must be ahead of the end's for the start to be passed over, µm.</summary>
    public double Margin(in HistoryEntry end) => RoundingShare * (end.Distance + (Pace * _reach) + 1);

    /// <summary>Adds a start of <paramref name="history"/>, later than every start added before.</summary>
    public void Add(FrameHistory history, long sequence)
    {
        double lead = Lead(history[sequence]);
        while (_tail > _head && _leads![(_tail - 1) & _mask] >= lead)
        {
            _tail--;
        }

        _sequences![_tail & _mask] = sequence;
        _leads![_tail++ & _mask] = lead;
    }

    /// <summary>The least lead of the starts from <paramref name="first"/> on (+∞ when none).</summary>
    public double Least(long first)
    {
        while (_tail > _head && _sequences![_head & _mask] < first)
        {
            _head++;
        }

        return _tail > _head ? _leads![_head & _mask] : double.PositiveInfinity;
    }

    /// <summary>Sets a faster pace and measures the starts from <paramref name="first"/> to <paramref name="last"/> against it.</summary>
    public void Repace(FrameHistory history, double pace, long first, long last)
    {
        Pace = pace;
        _head = 0;
        _tail = 0;
        for (long sequence = first; sequence <= last; sequence++)
        {
            Add(history, sequence);
        }
    }

    /// <summary>Takes the state of <paramref name="other"/> (of the same capacity): the same starts against the same pace.</summary>
    public void CopyFrom(PaceLeads other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Array.Copy(other._sequences!, _sequences!, Capacity);
        Array.Copy(other._leads!, _leads!, Capacity);
        (_head, _tail, _origin, _reach, _started, Pace) = (other._head, other._tail, other._origin, other._reach, other._started, other.Pace);
    }

    /// <summary>Gives the rings back to the pool (<see cref="PassRings"/>); the leads are not used after this.</summary>
    public void Dispose()
    {
        rings.Return(ref _sequences);
        rings.Return(ref _leads);
    }
}
