using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>
/// Computes <see cref="FrameFigures"/> as a pass hands it the frames, keeping only running sums and bounded windows.
/// The best 2 s and 10 s are counted in frames of the header's frequency; when that is not known at the first frame
/// (no header yet, none recorded: the median spacing decides, §9) or a later header changes it, <see cref="Finish"/>
/// says which frequency a second pass must count with (<see cref="FrameFigureSink(int)"/>).
/// </summary>
internal sealed class FrameFigureSink : IOaoFrameSink
{
    /// <summary>Frames slower than this (mm/s) do not count in <see cref="FrameFigures.MovingDistance"/> (§9: "within about 1 %").</summary>
    private const long MovingSpeed = 500;

    private readonly int? _forcedFrequency;
    private readonly OaoSpacingHistogram _spacings = new();
    private readonly OaoBestDistanceWindow _best500m = new(500_000);
    private OaoBestCountWindow? _best2s;
    private OaoBestCountWindow? _best10s;
    private int _countedFrequency;
    private OaoHeader? _firstHeader;
    private OaoHeader? _summaryHeader;
    private int _frames;
    private long _firstUtc;
    private long _lastUtc;
    private long _distance;
    private long _moving;

    /// <summary>A sink for the first pass: windows counted with the header's frequency.</summary>
    public FrameFigureSink()
    {
    }

    /// <summary>A sink for a second pass: windows counted with <paramref name="frequencyHz"/>.</summary>
    public FrameFigureSink(int frequencyHz)
    {
        _forcedFrequency = frequencyHz;
    }

    /// <summary>The header to use: the first with a summary, otherwise the first (as <see cref="OaoReadResult.Header"/>).</summary>
    public OaoHeader? Header => _summaryHeader ?? _firstHeader;

    public void OnHeader(OaoHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _firstHeader ??= header;
        if (header.HasSummary)
        {
            _summaryHeader ??= header;
        }
    }

    public void OnGnssFrame(in OaoGnssFrame frame)
    {
        if (_frames == 0)
        {
            _firstUtc = frame.Utc;
            StartWindows(_forcedFrequency ?? Header?.FrequencyHz ?? 0);
        }
        else
        {
            long spacing = frame.Utc - _lastUtc;
            _spacings.Add(spacing);

            // A clock going backwards adds nothing, so D never decreases.
            _distance += frame.Speed * Math.Max(0, spacing);
            if (frame.Speed >= MovingSpeed && spacing > 0)
            {
                _moving += frame.Speed * spacing;
            }
        }

        _frames++;
        _lastUtc = frame.Utc;
        _best2s?.Add(frame.Speed);
        _best10s?.Add(frame.Speed);
        _best500m.Add(_distance, frame.Utc);
    }

    /// <summary>
    /// The figures, or null when the windows were counted with another frequency than the one the whole file gives:
    /// then <paramref name="frequencyHz"/> is the one a second pass must count with.
    /// </summary>
    public FrameFigures? Finish(out int frequencyHz)
    {
        var (frequency, period) = _spacings.Resolve(Header?.FrequencyHz ?? 0);
        frequencyHz = frequency;
        if (_frames == 0)
        {
            return FrameFigures.Empty with { FrequencyHz = frequency, SamplePeriod = period };
        }

        if (frequency != _countedFrequency)
        {
            return null;
        }

        long limit = period * 3 / 2;
        return new FrameFigures
        {
            FrameCount = _frames,
            FrequencyHz = frequency,
            SamplePeriod = period,
            FirstFrameTime = _firstUtc,
            LastFrameTime = _lastUtc,
            Distance = _distance / 1000,
            MovingDistance = _moving / 1000,
            HasGaps = _spacings.NotPositive > 0 || _spacings.Largest > limit,
            Best2s = _best2s?.Best ?? 0,
            Best10s = _best10s?.Best ?? 0,
            Best500m = _best500m.Best,
        };
    }

    private void StartWindows(int frequency)
    {
        _countedFrequency = frequency;
        if (frequency > 0)
        {
            _best2s = new OaoBestCountWindow(2 * frequency);
            _best10s = new OaoBestCountWindow(10 * frequency);
        }
    }
}
