using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// One set of figures computed frame by frame: the device's (every frame; windows as the device counts them, no gap
/// rule) or the filtered one (kept frames only; windows by time; none across a gap). Holds a bounded history and one
/// window per category, so its memory does not grow with the track.
/// </summary>
internal sealed class FigureSet
{
    private readonly FrameHistory _history;
    private readonly SpeedWindow?[] _windows;
    private readonly BestWindow[] _bests;
    private readonly RunDetector _runs = new();
    private readonly FiveRuns _fiveRuns = new();
    private readonly RejectedFrames? _rejected;
    private readonly FigureAccounting _accounting;
    private readonly bool[] _found;
    private readonly WindowSpeed[] _latest;
    private FollowMode[]? _following;
    private bool _newRun;

    private FigureSet(int frequencyHz, long frameBound, SpeedWindow?[] windows, RejectedFrames? rejected, FigureAccounting accounting)
    {
        _history = new FrameHistory(frequencyHz, frameBound);
        _windows = windows;
        _bests = [.. windows.Select(_ => new BestWindow())];
        _rejected = rejected;
        _accounting = accounting;
        _found = new bool[windows.Length];
        _latest = new WindowSpeed[windows.Length];
    }

    /// <summary>
    /// The device's set: 2 s and 10 s over 2·f and 10·f frames truncated, 500 m and 1852 m truncated, 30 min, 1 h and
    /// alpha by time and distance; every frame counts toward distance, gaps left out of the time on the water.
    /// </summary>
    /// <param name="frequencyHz">The rate (0 when unknown: no 2 s or 10 s).</param>
    /// <param name="rules">For the gap of the time on the water.</param>
    /// <param name="rejected">What the rules set aside, to say what was wrong inside the device's best windows.</param>
    /// <param name="frameBound">At most how many frames the track holds (its history needs no more room).</param>
    public static FigureSet ForDevice(int frequencyHz, ResultRules rules, RejectedFrames rejected, long frameBound = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(rules);
        SpeedWindow?[] windows =
        [
            frequencyHz > 0 ? new CountWindow(2 * frequencyHz) : null,
            frequencyHz > 0 ? new CountWindow(10 * frequencyHz) : null,
            null,
            new DistanceWindow(500_000, truncate: true),
            new DistanceWindow(1_852_000, truncate: true),
            new TimeWindow(30 * 60_000),
            new TimeWindow(60 * 60_000),
            new AlphaWindow(),
        ];
        return new FigureSet(frequencyHz, frameBound, windows, rejected, new FigureAccounting(rules.MaximumGap, 0));
    }

    /// <summary>The filtered set: every window by time or distance, unrounded; distance only above the minimum speed.</summary>
    /// <param name="frequencyHz">The rate.</param>
    /// <param name="rules">The quality rules.</param>
    /// <param name="frameBound">At most how many frames the track holds (its history needs no more room).</param>
    public static FigureSet ForRules(int frequencyHz, ResultRules rules, long frameBound = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(rules);
        SpeedWindow?[] windows =
        [
            new TimeWindow(2_000),
            new TimeWindow(10_000),
            null,
            new DistanceWindow(500_000, truncate: false),
            new DistanceWindow(1_852_000, truncate: false),
            new TimeWindow(30 * 60_000),
            new TimeWindow(60 * 60_000),
            new AlphaWindow(),
        ];
        return new FigureSet(frequencyHz, frameBound, windows, null, new FigureAccounting(rules.MaximumGap, rules.DistanceMinimumSpeed));
    }

    /// <summary>The best window of a category (none for 5×10 s: see <see cref="FiveRuns"/>).</summary>
    public BestWindow Best(ResultCategory category) => _bests[(int)category];

    /// <summary>The five runs of 5×10 s.</summary>
    public FiveRuns FiveRuns => _fiveRuns;

    /// <summary>True before the first frame.</summary>
    public bool IsEmpty => _history.Newest < 0;

    /// <summary>
    /// Takes the state of the windows, the run detection included, that this set took from <paramref name="leader"/>
    /// while following it (see <see cref="Add"/>), and the bests of those it did not look at, before the first frame on
    /// which the two differ.
    /// </summary>
    public void StopFollowing(FigureSet leader)
    {
        ArgumentNullException.ThrowIfNull(leader);
        var following = Following(leader);
        for (int i = 0; i < _windows.Length; i++)
        {
            if (following[i] != FollowMode.Not)
            {
                _windows[i]!.TakeOver(leader._windows[i]!);
            }
        }

        _runs.CopyFrom(leader._runs);
        CatchUp(leader);
    }

    /// <summary>
    /// Takes what this set leaves to <paramref name="leader"/> while following it: the history (the same frames) and
    /// the bests of the windows it does not look at (the leader's): before its figures, whether it goes on following
    /// or not.
    /// </summary>
    public void CatchUp(FigureSet leader)
    {
        ArgumentNullException.ThrowIfNull(leader);
        _history.CopyFrom(leader._history);
        var following = Following(leader);
        for (int i = 0; i < _windows.Length; i++)
        {
            if (following[i] == FollowMode.Whole)
            {
                _bests[i].CopyFrom(leader._bests[i]);
            }
        }
    }

    /// <summary>Takes the next frame of this set.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="startsSegment">True when no window may reach back past it (after a gap).</param>
    /// <param name="leader">
    /// A set that has taken every frame this one has, in the same segments, and has just taken this one (always the
    /// same set): its runs are this set's, its windows of the same kind and length start where this set's would
    /// (the distances: <see cref="SpeedWindow.Follows"/>), and those that are the same windows (30 min, 1 h, alpha 500:
    /// <see cref="SpeedWindow.Repeats"/>) are not looked at until <see cref="StopFollowing"/>.
    /// </param>
    public void Add(in OaoGnssFrame frame, bool startsSegment, FigureSet? leader = null)
    {
        var history = Account(frame, startsSegment, leader);
        var runs = leader?._runs ?? _runs;
        _newRun = leader?._newRun ?? _runs.OnFrame(history.Newest, frame.Utc, frame.Speed, frame.HeadingDegrees, startsSegment);
        if (_newRun)
        {
            _fiveRuns.StartRun();
        }

        var following = leader is null ? null : Following(leader);
        for (int i = 0; i < _windows.Length; i++)
        {
            var how = following?[i] ?? FollowMode.Not;
            if (how != FollowMode.Whole && _windows[i] is { } window
                && Window(i, window, history, how == FollowMode.Start ? leader : null, out var speed))
            {
                Keep(_bests[i], speed);
                if (i == (int)ResultCategory.TenSeconds && _fiveRuns.Offer(speed, runs.RunStart))
                {
                    Describe(_fiveRuns.Current, speed);
                }
            }
        }
    }

    /// <summary>The figures so far.</summary>
    public CategoryFigures Figures() => _history.Newest < 0
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
    /// leader's, which holds the same frames (this set's catches up when they part, <see cref="CatchUp"/>).
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

    /// <summary>The window of a category ending at the newest frame: searched, or taken from a leader that follows it.</summary>
    private bool Window(int category, SpeedWindow window, FrameHistory history, FigureSet? leader, out WindowSpeed speed)
    {
        bool found;
        if (leader is null)
        {
            found = window.TryEndingAtNewest(history, out speed);
        }
        else
        {
            found = leader._found[category];
            speed = found ? window.FromLeader(leader._latest[category], history) : default;
        }

        (_found[category], _latest[category]) = (found, speed);
        return found;
    }

    /// <summary>How each of this set's windows follows those of <paramref name="leader"/> (always the same set).</summary>
    private FollowMode[] Following(FigureSet leader)
    {
        if (_following is null)
        {
            // A loop, not a lambda: a lambda's closure over the leader would be allocated on every frame's call.
            _following = new FollowMode[_windows.Length];
            for (int i = 0; i < _windows.Length; i++)
            {
                _following[i] = _windows[i] is { } window && leader._windows[i] is { } other ? How(i, window, other) : FollowMode.Not;
            }
        }

        return _following;
    }

    /// <summary>10 s is always looked at: its window ending at each frame is offered to 5×10 s's runs.</summary>
    private static FollowMode How(int category, SpeedWindow window, SpeedWindow leader) => window.Follows(leader)
        ? (window.Repeats(leader) && category != (int)ResultCategory.TenSeconds ? FollowMode.Whole : FollowMode.Start)
        : FollowMode.Not;

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

    /// <summary>How a window of a set follows its leader's.</summary>
    private enum FollowMode
    {
        /// <summary>Searched alone.</summary>
        Not,

        /// <summary>Starts where the leader's does; its speed is this set's (<see cref="SpeedWindow.FromLeader"/>).</summary>
        Start,

        /// <summary>The leader's window itself: not looked at while following, its best taken when they part.</summary>
        Whole,
    }
}
