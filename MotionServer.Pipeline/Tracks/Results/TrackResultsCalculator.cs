using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// A track's results in one streaming pass (docs/results.md): the device's figures from every frame, the figures by
/// the sport's quality rules from the frames they keep, and why the track is suspect. The windows are counted at the
/// header's frequency when it has one, else at the rate of the first frames' median spacing (those few frames wait
/// until it is known). Memory is bounded: a history of an hour and a quarter at the track's rate for each set (the
/// rules' set makes its own only when the rules first set a frame aside), and a ring of the latest frames set aside.
/// The rings are rented for the pass and given back by <see cref="Dispose"/> (<see cref="PassRings"/>).
/// </summary>
/// <param name="rules">The sport's quality rules.</param>
/// <param name="follow">
/// True (the server's): while the rules keep every frame, the filtered set takes the device's runs and its windows of
/// the same kind instead of searching them again (the same figures, about half the work on a healthy track); false
/// searches both sets alone, as the tests that check the two agree do.
/// </param>
/// <param name="rings">Where the pass's rings come from and go back to (<see cref="PassRings.Shared"/> when not given).</param>
internal sealed class TrackResultsCalculator(ResultRules rules, bool follow = true, PassRings? rings = null) : IOaoFrameSink, IDisposable
{
    /// <summary>Frames whose spacing tells the rate when the header does not.</summary>
    public const int RateProbeFrames = 16;

    private readonly FrameFilter _filter = new(rules);
    private readonly RejectedFrames _rejected = new();
    private readonly OaoGnssFrame[] _waiting = new OaoGnssFrame[RateProbeFrames];
    private int _waitingCount;
    private int _headerFrequency;
    private FigureSet? _device;
    private FigureSet? _filtered;
    private bool _inStep = true;

    /// <summary>
    /// At most how many GNSS frames the track can hold: a file's length over a GNSS frame's (<see cref="ForFileOf"/>).
    /// The histories need no more room than that, so a short track's pass takes a fraction of an hour's rings.
    /// </summary>
    public long FrameBound { get; init; } = long.MaxValue;

    /// <summary>The bound of <see cref="FrameBound"/> for a file of <paramref name="length"/> bytes.</summary>
    public static long ForFileOf(long length) => Math.Max(0, length) / OaoFrame.GnssLength;

    /// <inheritdoc />
    public void OnHeader(OaoHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (_headerFrequency == 0)
        {
            _headerFrequency = header.FrequencyHz;
        }
    }

    /// <inheritdoc />
    public void OnGnssFrame(in OaoGnssFrame frame)
    {
        if (_device is null)
        {
            _waiting[_waitingCount++] = frame;
            if (_headerFrequency > 0 || _waitingCount == RateProbeFrames)
            {
                Start();
            }

            return;
        }

        Take(frame);
    }

    /// <summary>The results of the frames so far.</summary>
    public TrackResults Finish()
    {
        if (_device is null)
        {
            if (_waitingCount == 0)
            {
                return TrackResults.None;
            }

            Start();
        }

        if (_inStep)
        {
            // What the filtered set left to the device's: the bests of the same windows of the same frames.
            _filtered!.TakeLeadersBests(_device!);
        }

        return new TrackResults(_device!.Figures(), _filtered!.Figures(), SuspectJudge.Judge(_device, _filtered, rules));
    }

    private void Start()
    {
        var waiting = _waiting.AsSpan(0, _waitingCount);
        var (frequency, _) = OaoSampleRate.Resolve(waiting, _headerFrequency);
        _device = FigureSet.ForDevice(frequency, rules, _rejected, FrameBound, rings);
        _filtered = FigureSet.ForRules(frequency, rules, FrameBound, rings);
        foreach (var frame in waiting)
        {
            Take(frame);
        }

        _waitingCount = 0;
    }

    private void Take(in OaoGnssFrame frame)
    {
        var verdict = _filter.Judge(frame);
        if (!verdict.IsKept)
        {
            _rejected.Add(new RejectedFrame(
                frame.Utc, verdict.Faults, frame.Fix, frame.Satellites, frame.Dop, frame.SpeedAccuracy, verdict.Acceleration));
        }

        // While the rules keep every frame in one segment, both sets hold the same frames: the filtered set follows
        // the device's runs and searches instead of repeating them, and takes them over before the first frame they
        // differ on.
        bool inStep = follow && _inStep && verdict.IsKept && (!verdict.StartsSegment || _device!.IsEmpty);
        if (_inStep && !inStep)
        {
            _filtered!.StopFollowing(_device!);
            _inStep = false;
        }

        _device!.Add(frame, startsSegment: false);
        if (verdict.IsKept)
        {
            _filtered!.Add(frame, verdict.StartsSegment, inStep ? _device : null);
        }
    }

    /// <summary>Gives the pass's rings back to the pool; call it once the results are taken (<see cref="Finish"/>).</summary>
    public void Dispose()
    {
        _device?.Dispose();
        _filtered?.Dispose();
    }
}
