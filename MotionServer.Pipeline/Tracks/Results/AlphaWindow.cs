namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// Alpha 500 (Logiqx gps-wizard, docs/alpha-racing; GPS Team Challenge "Alpha Racing 500m"): the fastest stretch of at
/// most 500 m of Doppler distance whose last frame is back within 50 m of its first, and, as GPSResults and GP3S do,
/// at least 250 m long. For the newest frame, every start between 250 m and 500 m back is a candidate; distances are
/// Pythagoras on the local plane at the end's latitude (sub-millimetre at 50 m, per gps-wizard). The search is exact:
/// it gives the best alpha a search of every start and end gives (the latest start on a tie), but passes over what
/// cannot beat the best so far (<see cref="PaceLeads"/>) and what cannot be inside the circle (<see cref="PositionPath"/>).
/// </summary>
internal sealed class AlphaWindow(PassRings? rings = null) : IDisposable
{
    private readonly PassRings _rings = rings ?? PassRings.Shared;

    /// <summary>Longest alpha, mm.</summary>
    public const long MaximumDistance = 500_000;

    /// <summary>Shortest alpha, mm.</summary>
    public const long MinimumDistance = 250_000;

    /// <summary>How near the end must come back to the start, m.</summary>
    public const double Proximity = 50;

    /// <summary>Metres per 10⁻⁷ degree of latitude (mean Earth radius 6,371,008.8 m).</summary>
    public const double MetresPerUnit = 6_371_008.8 * Math.PI / 180 / 1e7;

    /// <summary>
    /// The square of <see cref="Proximity"/>: a start whose squared distance is no more than this is inside the circle
    /// without a square root (most are); beyond it the root decides, so the boundary is decided by the root.
    /// </summary>
    private const double ProximitySquared = Proximity * Proximity;

    /// <summary>Metres a start must be outside the circle by for the path to rule out its neighbours (far above rounding).</summary>
    private const double JumpMargin = 0.001;

    private long _near;
    private long _far;
    private long _admitted = -1;
    private PaceLeads? _leads;
    private PositionPath? _path;

    /// <summary>
    /// The alpha ending at the newest frame when it is faster than every alpha found before (the search passes over
    /// the rest: unlike <see cref="SpeedWindow"/>'s, a window not found here may exist, but cannot be the best).
    /// </summary>
    public bool TryEndingAtNewest(FrameHistory history, out WindowSpeed window)
    {
        ArgumentNullException.ThrowIfNull(history);
        window = default;
        ref readonly var last = ref history.Last;
        _leads ??= new PaceLeads(history.Capacity, _rings);
        _path ??= new PositionPath(history.Capacity, _rings);
        _leads.Observe(last);
        _path.Add(history.Newest, last);
        if (!Bounds(history))
        {
            return false;
        }

        for (_admitted = Math.Max(_admitted, _far - 1); _admitted < _near;)
        {
            _leads.Add(history, ++_admitted);
        }

        // No start whose lead over the pace is not behind the end's can give a window faster than the best so far.
        double lead = _leads.Lead(last);
        double margin = _leads.Margin(last);
        if (_leads.Least(_far) - lead >= margin || !Search(history, lead, margin, out window))
        {
            return false;
        }

        _leads.Repace(history, window.Speed, _far, _near);
        return true;
    }

    /// <summary>
    /// Takes the state of <paramref name="leader"/>, a search that has seen the same frames in the same order (the
    /// device's, while the rules have kept every frame): from here on this one goes its own way.
    /// </summary>
    public void TakeOver(AlphaWindow leader)
    {
        ArgumentNullException.ThrowIfNull(leader);
        (_near, _far, _admitted) = (leader._near, leader._far, leader._admitted);
        if (leader._leads is { } leads && leader._path is { } path)
        {
            _leads ??= new PaceLeads(leads.Capacity, _rings);
            _path ??= new PositionPath(path.Capacity, _rings);
            _leads.CopyFrom(leads);
            _path.CopyFrom(path);
        }
    }

    /// <summary>The fastest start within the circle that beats the best so far, searched from the latest back.</summary>
    private bool Search(FrameHistory history, double lead, double margin, out WindowSpeed window)
    {
        window = default;
        ref readonly var last = ref history.Last;
        double cosine = Math.Cos(last.Latitude / 1e7 * Math.PI / 180);
        double best = _leads!.Pace;
        bool found = false;
        long j = _near;
        while (j >= _far)
        {
            ref readonly var start = ref history[j];
            if (_leads.Lead(start) - lead >= margin)
            {
                j--;
                continue;
            }

            double metres = Metres(last, start, cosine);
            if (metres > Proximity)
            {
                j = Beyond(j, metres);
                continue;
            }

            long elapsed = last.Utc - start.Utc;
            double speed = elapsed > 0 ? (last.Distance - start.Distance) / (double)elapsed : 0;
            if (speed > best)
            {
                best = speed;
                window = new WindowSpeed(speed, j, start.Utc, last.Utc);
                found = true;
            }

            j--;
        }

        return found;
    }

    /// <summary>
    /// The latest start before <paramref name="start"/> that may be within the circle, given that
    /// <paramref name="start"/> is <paramref name="metres"/> from the end: one nearer the start than the excess, by
    /// path, is still outside (the triangle inequality).
    /// </summary>
    private long Beyond(long start, double metres)
    {
        double excess = (metres - Proximity - JumpMargin) / MetresPerUnit;
        if (excess <= 1)
        {
            return start - 1;
        }

        long path = _path![start];
        return _path.LatestBelow((long)Math.Floor(path - excess) + 1, _far, start - 1);
    }

    /// <summary>
    /// The distance from a start to the end in metres, or 0 when its square is within the circle's (no root needed);
    /// above <see cref="Proximity"/> exactly when the start is outside the circle.
    /// </summary>
    private static double Metres(in HistoryEntry end, in HistoryEntry start, double cosine)
    {
        double north = (end.Latitude - start.Latitude) * MetresPerUnit;
        double east = (end.Longitude - (double)start.Longitude) * cosine * MetresPerUnit;
        double squared = (north * north) + (east * east);
        return squared <= ProximitySquared ? 0 : Math.Sqrt(squared);
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

    /// <summary>Gives the search's rings back to the pool (<see cref="PassRings"/>).</summary>
    public void Dispose()
    {
        _leads?.Dispose();
        _path?.Dispose();
    }
}
