namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// Alpha 500 (Logiqx gps-wizard, docs/alpha-racing; GPS Team Challenge "Alpha Racing 500m"): the fastest stretch of at
/// most 500 m of Doppler distance whose last frame is back within 50 m of its first, and, as GPSResults and GP3S do,
/// at least 250 m long. For the newest frame, every start between 250 m and 500 m back is a candidate; distances are
/// Pythagoras on the local plane (sub-millimetre at 50 m, per gps-wizard). A start more than 50 m away lets the search
/// jump back by most of the excess, since the track cannot come nearer faster than it travels.
/// </summary>
internal sealed class AlphaWindow : SpeedWindow
{
    /// <summary>Longest alpha, mm.</summary>
    public const long MaximumDistance = 500_000;

    /// <summary>Shortest alpha, mm.</summary>
    public const long MinimumDistance = 250_000;

    /// <summary>How near the end must come back to the start, m.</summary>
    public const double Proximity = 50;

    /// <summary>Metres per 10⁻⁷ degree of latitude (mean Earth radius 6,371,008.8 m).</summary>
    private const double MetresPerUnit = 6_371_008.8 * Math.PI / 180 / 1e7;

    /// <summary>
    /// The square of <see cref="Proximity"/>: a start whose squared distance is no more than this is inside the circle
    /// without a square root (most tries are); beyond it the root is taken, so the boundary is decided as before.
    /// </summary>
    private const double ProximitySquared = Proximity * Proximity;

    /// <summary>The part of the excess distance the search jumps over (Doppler distance runs a little short of the path).</summary>
    private const double JumpShare = 0.8;

    /// <summary>
    /// Inside the 50 m circle a new start comes every frame, and a track sailed back and forth on one line has dozens
    /// of them per end: they are tried every <see cref="_stride"/> frames (half a second), and all of them around a
    /// try that comes within <see cref="RefineMargin"/> of the best so far, so the best is still found exactly.
    /// </summary>
    private const double RefineMargin = 200;

    private readonly int _stride;
    private double _best;
    private long _near;
    private long _far;
    private SlidingMaximum? _fastest;
    private SlidingMaximum? _settled;
    private long _settledUpTo = -1;
    private long _backward = -1;
    private long _lastUtc = long.MinValue;

    /// <summary>An alpha search at the track's rate.</summary>
    public AlphaWindow(int frequencyHz) => _stride = Math.Max(1, frequencyHz / 2);

    /// <inheritdoc />
    public override bool TryEndingAtNewest(FrameHistory history, out WindowSpeed window)
    {
        window = default;
        ref readonly var last = ref history.Last;
        _fastest ??= new SlidingMaximum(history.Capacity);
        _fastest.Add(history, history.Newest);
        _backward = last.Utc < _lastUtc ? history.Newest : _backward;
        _lastUtc = last.Utc;

        // An alpha's mean speed is never above its fastest frame: none ending here can beat the best so far.
        bool inRange = Bounds(history);
        if (!inRange || _fastest.After(history, _far) <= _best || CannotBeatBest(history))
        {
            return false;
        }

        var search = new Search(history, Math.Cos(last.Latitude / 1e7 * Math.PI / 180));
        long j = _near;
        while (j >= _far)
        {
            double squared = search.SquaredMetres(j);
            double metres = squared <= ProximitySquared ? 0 : Math.Sqrt(squared);
            if (metres > Proximity)
            {
                long jump = (long)((metres - Proximity) * JumpShare * 1e6);
                j = Math.Min(j - 1, history.LatestAtOrBelow(history[j].Distance - jump, _far, j - 1));
                continue;
            }

            if (search.Try(j) >= _best - RefineMargin && _stride > 1)
            {
                for (long k = Math.Max(_far, j - _stride + 1); k <= Math.Min(_near, j + _stride - 1); k++)
                {
                    search.TryIfNear(k);
                }
            }

            j -= _stride;
        }

        if (search.Found)
        {
            window = search.Best;
            _best = Math.Max(_best, window.Speed);
        }

        return search.Found;
    }

    /// <summary>
    /// A tighter bound than the fastest frame, while the clock has not gone back inside the window: a start j at or
    /// before <see cref="_near"/> splits its window at <see cref="_near"/>, and the mean of the whole is at most the
    /// greater of the two parts' means: the last 250 m (one division) and the part before it, whose mean is at most
    /// its fastest frame (a second sliding maximum over the starts). True when neither can beat the best so far.
    /// </summary>
    private bool CannotBeatBest(FrameHistory history)
    {
        _settled ??= new SlidingMaximum(history.Capacity);
        for (_settledUpTo = Math.Max(_settledUpTo, history.Oldest - 1); _settledUpTo < _near;)
        {
            _settled.Add(history, ++_settledUpTo);
        }

        ref readonly var last = ref history.Last;
        ref readonly var near = ref history[_near];
        long elapsed = last.Utc - near.Utc;
        if (_backward > _far || elapsed <= 0)
        {
            return false;
        }

        double recent = (last.Distance - near.Distance) / (double)elapsed;
        return recent <= _best && _settled.After(history, _far) <= _best;
    }

    /// <summary>
    /// Moves the range of starts to the newest frame: <see cref="_near"/> the latest at least 250 m back,
    /// <see cref="_far"/> the earliest at most 500 m back (both only ever move forward); false when none.
    /// </summary>
    private bool Bounds(FrameHistory history)
    {
        long end = history.Last.Distance;
        _near = Math.Max(_near, history.Oldest);
        _far = Math.Max(_far, history.Oldest);
        while (_near + 1 < history.Newest && end - history[_near + 1].Distance >= MinimumDistance * 1000)
        {
            _near++;
        }

        while (_far < _near && end - history[_far].Distance > MaximumDistance * 1000)
        {
            _far++;
        }

        return end - history[_near].Distance >= MinimumDistance * 1000 && end - history[_far].Distance <= MaximumDistance * 1000;
    }

    /// <summary>The search for the best start of one end frame.</summary>
    private struct Search(FrameHistory history, double cosine)
    {
        private readonly HistoryEntry _last = history.Last;

        public bool Found { get; private set; }

        public WindowSpeed Best { get; private set; }

        /// <summary>The square of the distance in metres from a start to the end.</summary>
        public readonly double SquaredMetres(long start)
        {
            ref readonly var other = ref history[start];
            double north = (_last.Latitude - other.Latitude) * MetresPerUnit;
            double east = (_last.Longitude - (double)other.Longitude) * cosine * MetresPerUnit;
            return (north * north) + (east * east);
        }

        /// <summary>True when a start is within <see cref="Proximity"/> of the end.</summary>
        public readonly bool IsNear(long start)
        {
            double squared = SquaredMetres(start);
            return squared <= ProximitySquared || Math.Sqrt(squared) <= Proximity;
        }

        /// <summary>Tries a start within the circle; its speed (0 when none).</summary>
        public double Try(long start)
        {
            ref readonly var first = ref history[start];
            long elapsed = _last.Utc - first.Utc;
            if (elapsed <= 0)
            {
                return 0;
            }

            double speed = (_last.Distance - first.Distance) / (double)elapsed;
            if (!Found || speed > Best.Speed)
            {
                Best = new WindowSpeed(speed, start, first.Utc, _last.Utc);
                Found = true;
            }

            return speed;
        }

        /// <summary>Tries a start when it is within the circle and the distance limits.</summary>
        public void TryIfNear(long start)
        {
            long travelled = _last.Distance - history[start].Distance;
            if (travelled >= MinimumDistance * 1000 && travelled <= MaximumDistance * 1000 && IsNear(start))
            {
                Try(start);
            }
        }
    }
}
