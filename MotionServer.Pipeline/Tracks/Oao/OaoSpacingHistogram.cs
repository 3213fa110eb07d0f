namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The spacings between consecutive frames, counted by value, for <see cref="OaoSampleRate"/>'s median in one pass.
/// A device's spacings take a handful of values (the period, the odd gap), so the table stays small.
/// </summary>
internal sealed class OaoSpacingHistogram
{
    private readonly Dictionary<long, int> _counts = [];
    private int _positive;

    // The latest run of equal spacings, counted here and added to the table when another spacing comes (or the median
    // is asked for): nearly every frame repeats the spacing before it, so the table is touched only at a change.
    private long _runSpacing;
    private int _runCount;

    /// <summary>Spacings of zero or less (a clock standing still or going backwards).</summary>
    public int NotPositive { get; private set; }

    /// <summary>The largest spacing (0 when none was positive).</summary>
    public long Largest { get; private set; }

    public void Add(long spacing)
    {
        if (spacing <= 0)
        {
            NotPositive++;
            return;
        }

        if (spacing != _runSpacing)
        {
            CountRun();
            _runSpacing = spacing;
            Largest = Math.Max(Largest, spacing);
        }

        _runCount++;
        _positive++;
    }

    /// <summary>The rate as <see cref="OaoSampleRate.Resolve"/> gives it: the header's, or from the median positive spacing.</summary>
    public (int FrequencyHz, long Period) Resolve(int frequencyHz)
    {
        if (frequencyHz > 0)
        {
            return (frequencyHz, 1000 / frequencyHz);
        }

        long median = Median();
        if (median <= 0)
        {
            return (0, 0);
        }

        int frequency = (int)Math.Max(1, Math.Round(1000.0 / median, MidpointRounding.AwayFromZero));
        return (frequency, median);
    }

    /// <summary>The positive spacing at index count / 2 in sorted order (what sorting them all would give), or 0.</summary>
    private void CountRun()
    {
        if (_runCount > 0)
        {
            _counts[_runSpacing] = _counts.GetValueOrDefault(_runSpacing) + _runCount;
            _runCount = 0;
        }
    }

    private long Median()
    {
        CountRun();
        if (_positive == 0)
        {
            return 0;
        }

        int index = _positive / 2;
        foreach (var (spacing, count) in _counts.OrderBy(pair => pair.Key))
        {
            if (index < count)
            {
                return spacing;
            }

            index -= count;
        }

        return 0;
    }
}
