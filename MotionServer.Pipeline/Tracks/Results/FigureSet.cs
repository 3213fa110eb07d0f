using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// One set of figures computed frame by frame: the device's (every frame; windows as the device counts them, no gap
/// rule) or the filtered one (kept frames only; windows by time; none across a gap). Holds a bounded history and one
/// window per category, so its memory does not grow with the track.
/// </summary>
/// <remarks>
/// Each window is a field of its own sealed type, and <see cref="Add"/> names each in turn: a dozen windows looked at
/// for each of half a million frames made the walk over an array of abstract windows (a virtual call and a whole
/// window returned and stored, per window per frame) cost as much as the windows' own work. A window's whole
/// <see cref="WindowSpeed"/> is made only when its speed beats the best so far.
/// </remarks>
internal sealed class FigureSet : IDisposable
{
    private readonly FrameHistory _history;
    private readonly BestWindow[] _bests = [.. Enumerable.Range(0, 8).Select(_ => new BestWindow())];
    private readonly RunDetector _runs = new();
    private readonly FiveRuns _fiveRuns = new();
    private readonly RejectedFrames? _rejected;
    private readonly FigureAccounting _accounting;

    // 2 s and 10 s: the device counts frames (none without a rate), the rules measure time; a set has one pair.
    private readonly CountWindow? _twoFrames;
    private readonly CountWindow? _tenFrames;
    private readonly TimeWindow? _twoSeconds;
    private readonly TimeWindow? _tenSeconds;
    private readonly DistanceWindow _fiveHundredMetres;
    private readonly DistanceWindow _nauticalMile;
    private readonly TimeWindow _thirtyMinutes = new(30 * 60_000);
    private readonly TimeWindow _oneHour = new(60 * 60_000);
    private readonly AlphaWindow _alpha;
    private bool _newRun;

    private FigureSet(int frequencyHz, long frameBound, bool device, RejectedFrames? rejected, FigureAccounting accounting, PassRings? rings)
    {
        _history = new FrameHistory(frequencyHz, frameBound, rings);
        _alpha = new AlphaWindow(rings);
        if (device && frequencyHz > 0)
        {
            (_twoFrames, _tenFrames) = (new CountWindow(2 * frequencyHz), new CountWindow(10 * frequencyHz));
        }
        else if (!device)
        {
            (_twoSeconds, _tenSeconds) = (new TimeWindow(2_000), new TimeWindow(10_000));
        }

        _fiveHundredMetres = new DistanceWindow(500_000, truncate: device);
        _nauticalMile = new DistanceWindow(1_852_000, truncate: device);
        _rejected = rejected;
        _accounting = accounting;
    }

    /// <summary>
    /// The device's set: 2 s and 10 s over 2·f and 10·f frames truncated, 500 m and 1852 m truncated, 30 min, 1 h and
    /// alpha by time and distance; every frame counts toward distance, gaps left out of the time on the water.
    /// </summary>
    /// <param name="frequencyHz">The rate (0 when unknown: no 2 s or 10 s).</param>
    /// <param name="rules">For the gap of the time on the water.</param>
    /// <param name="rejected">What the rules set aside, to say what was wrong inside the device's best windows.</param>
    /// <param name="frameBound">At most how many frames the track holds (its history needs no more room).</param>
    /// <param name="rings">Where its rings come from (<see cref="PassRings.Shared"/> when not given).</param>
    public static FigureSet ForDevice(int frequencyHz, ResultRules rules, RejectedFrames rejected, long frameBound = long.MaxValue, PassRings? rings = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new FigureSet(frequencyHz, frameBound, device: true, rejected, new FigureAccounting(rules.MaximumGap, 0), rings);
    }

    /// <summary>The filtered set: every window by time or distance, unrounded; distance only above the minimum speed.</summary>
    /// <param name="frequencyHz">The rate.</param>
    /// <param name="rules">The quality rules.</param>
    /// <param name="frameBound">At most how many frames the track holds (its history needs no more room).</param>
    /// <param name="rings">Where its rings come from (<see cref="PassRings.Shared"/> when not given).</param>
    public static FigureSet ForRules(int frequencyHz, ResultRules rules, long frameBound = long.MaxValue, PassRings? rings = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new FigureSet(frequencyHz, frameBound, device: false, null, new FigureAccounting(rules.MaximumGap, rules.DistanceMinimumSpeed), rings);
    }

    /// <summary>The best window of a category (none for 5×10 s: see <see cref="FiveRuns"/>).</summary>
    public BestWindow Best(ResultCategory category) => _bests[(int)category];

    /// <summary>The five runs of 5×10 s.</summary>
    public FiveRuns FiveRuns => _fiveRuns;

    /// <summary>True before the first frame.</summary>
    public bool IsEmpty { get; private set; } = true;

    /// <summary>
    /// Takes the state of the windows, the run detection included, that this set (the rules') took from
    /// <paramref name="leader"/> (the device's) while following it (see <see cref="Add"/>), and the bests of those it
    /// did not look at, before the first frame on which the two differ.
    /// </summary>
    public void StopFollowing(FigureSet leader)
    {
        ArgumentNullException.ThrowIfNull(leader);
        _fiveHundredMetres.TakeOver(leader._fiveHundredMetres);
        _nauticalMile.TakeOver(leader._nauticalMile);
        _thirtyMinutes.TakeOver(leader._thirtyMinutes);
        _oneHour.TakeOver(leader._oneHour);
        _alpha.TakeOver(leader._alpha);
        _runs.CopyFrom(leader._runs);
        CatchUp(leader);
    }

    /// <summary>
    /// Takes what this set leaves to <paramref name="leader"/> while following it: the history (the same frames) and
    /// the bests of the windows it does not look at, before the two part (<see cref="StopFollowing"/>).
    /// </summary>
    private void CatchUp(FigureSet leader)
    {
        _history.CopyFrom(leader._history);
        TakeLeadersBests(leader);
    }

    /// <summary>
    /// Takes the bests of the windows this set leaves to <paramref name="leader"/> while following it (the leader's
    /// own: 30 min, 1 h, alpha 500), before its figures when it followed to the end. The history is not copied: the
    /// figures need only the bests, and a copy would allocate the ring this set never needed.
    /// </summary>
    public void TakeLeadersBests(FigureSet leader)
    {
        ArgumentNullException.ThrowIfNull(leader);
        foreach (var category in (ReadOnlySpan<ResultCategory>)[ResultCategory.ThirtyMinutes, ResultCategory.OneHour, ResultCategory.Alpha500])
        {
            Best(category).CopyFrom(leader.Best(category));
        }
    }

    /// <summary>Takes the next frame of this set.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="startsSegment">True when no window may reach back past it (after a gap).</param>
    /// <param name="leader">
    /// For the rules' set, the device's set when it has taken every frame this one has, in the same segments, and has
    /// just taken this one: its runs are this set's, its 500 m and nautical mile start where this set's would (their
    /// speeds are this set's own, unrounded), and its 30 min, 1 h and alpha 500 are this set's exactly, so this set
    /// does not look at them until <see cref="StopFollowing"/>. Only the 2 s and 10 s by time are this set's own work.
    /// </param>
    public void Add(in OaoGnssFrame frame, bool startsSegment, FigureSet? leader = null)
    {
        var history = Account(frame, startsSegment, leader);
        IsEmpty = false;
        var runs = leader?._runs ?? _runs;
        _newRun = leader?._newRun ?? _runs.OnFrame(history.Newest, frame.Utc, frame.Speed, frame.HeadingDegrees, startsSegment);
        if (_newRun)
        {
            _fiveRuns.StartRun();
        }

        Seconds(history, runs.RunStart);
        if (leader is null)
        {
            Search(history);
        }
        else
        {
            Follow(history, leader);
        }
    }

    /// <summary>The figures so far.</summary>
    public CategoryFigures Figures() => IsEmpty
        ? CategoryFigures.None
        : new CategoryFigures(
            Best(ResultCategory.TwoSeconds).Knots,
            Best(ResultCategory.TenSeconds).Knots,
            _fiveRuns.Knots(),
            Best(ResultCategory.FiveHundredMetres).Knots,
            Best(ResultCategory.NauticalMile).Knots,
            Best(ResultCategory.ThirtyMinutes).Knots,
            Best(ResultCategory.OneHour).Knots,
            Best(ResultCategory.Alpha500).Knots,
            Speeds.MicrometresToKilometres(_accounting.Distance),
            TimeSpan.FromMilliseconds(_accounting.TimeOnWater));

    /// <summary>
    /// Accounts for the frame and returns the history holding it: this set's, or while it follows a leader the
    /// leader's, which holds the same frames (this set's catches up when they part, <see cref="StopFollowing"/>).
    /// </summary>
    private FrameHistory Account(in OaoGnssFrame frame, bool startsSegment, FigureSet? leader)
    {
        if (leader is not null)
        {
            // Following, the first frame is the only one that starts a segment (the leader's too).
            _accounting.Next(frame, startsSegment);
            return leader._history;
        }

        if (startsSegment)
        {
            _history.StartSegment();
        }

        _history.Add(_accounting.Next(frame, startsSegment || _history.Newest < 0));
        return _history;
    }

    /// <summary>2 s and 10 s, in frames or in time; the 10 s ending at each frame is offered to 5×10 s's runs too.</summary>
    private void Seconds(FrameHistory history, long runStart)
    {
        double speed;
        if (_twoFrames is not null && _tenFrames is not null)
        {
            if (_twoFrames.TrySpeed(history, out speed))
            {
                Offer(ResultCategory.TwoSeconds, _twoFrames, history, speed);
            }

            if (_tenFrames.TrySpeed(history, out speed))
            {
                OfferTen(_tenFrames, history, speed, runStart);
            }
        }
        else if (_twoSeconds is not null && _tenSeconds is not null)
        {
            if (_twoSeconds.TrySpeed(history, out speed))
            {
                Offer(ResultCategory.TwoSeconds, _twoSeconds, history, speed);
            }

            if (_tenSeconds.TrySpeed(history, out speed))
            {
                OfferTen(_tenSeconds, history, speed, runStart);
            }
        }
    }

    /// <summary>The windows by distance and the long ones, searched alone.</summary>
    private void Search(FrameHistory history)
    {
        if (_fiveHundredMetres.TrySpeed(history, out double speed))
        {
            Offer(ResultCategory.FiveHundredMetres, _fiveHundredMetres, history, speed);
        }

        if (_nauticalMile.TrySpeed(history, out speed))
        {
            Offer(ResultCategory.NauticalMile, _nauticalMile, history, speed);
        }

        if (_thirtyMinutes.TrySpeed(history, out speed))
        {
            Offer(ResultCategory.ThirtyMinutes, _thirtyMinutes, history, speed);
        }

        if (_oneHour.TrySpeed(history, out speed))
        {
            Offer(ResultCategory.OneHour, _oneHour, history, speed);
        }

        // The alpha search finds a window only when it beats the best so far.
        if (_alpha.TryEndingAtNewest(history, out var alpha))
        {
            Keep(Best(ResultCategory.Alpha500), alpha);
        }
    }

    /// <summary>The windows by distance from the leader's starts; the long ones are the leader's own (<see cref="TakeLeadersBests"/>).</summary>
    private void Follow(FrameHistory history, FigureSet leader)
    {
        if (_fiveHundredMetres.TryFollow(leader._fiveHundredMetres, history, out double speed))
        {
            Offer(ResultCategory.FiveHundredMetres, _fiveHundredMetres, history, speed);
        }

        if (_nauticalMile.TryFollow(leader._nauticalMile, history, out speed))
        {
            Offer(ResultCategory.NauticalMile, _nauticalMile, history, speed);
        }
    }

    /// <summary>Keeps the window just found when it beats its category's best (made whole only then).</summary>
    private void Offer(ResultCategory category, SpeedWindow window, FrameHistory history, double speed)
    {
        var best = Best(category);
        if (best.Beats(speed))
        {
            Keep(best, window.Describe(history, speed));
        }
    }

    private void OfferTen(SpeedWindow window, FrameHistory history, double speed, long runStart)
    {
        Offer(ResultCategory.TenSeconds, window, history, speed);
        if (_fiveRuns.Accepts(speed, window.Start, runStart))
        {
            var ten = window.Describe(history, speed);
            _fiveRuns.Offer(ten, runStart);
            Describe(_fiveRuns.Current, ten);
        }
    }

    private void Keep(BestWindow best, in WindowSpeed speed)
    {
        if (best.Offer(speed))
        {
            Describe(best, speed);
        }
    }

    private void Describe(BestWindow best, in WindowSpeed speed)
    {
        if (_rejected is { Count: > 0 })
        {
            best.Describe(_rejected.Between(speed.FirstUtc, speed.EndUtc));
        }
    }

    /// <summary>Gives the history's and the alpha's rings back to the pool (<see cref="PassRings"/>).</summary>
    public void Dispose()
    {
        _history.Dispose();
        _alpha.Dispose();
    }
}
