namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// 5×10 s (GPS Team Challenge "5 x 10sec average"; ESP-GPS logger "5*10s average from 5 runs"): the mean of the best
/// 10 s window of each of the five fastest runs. A window counts for a run only when it lies wholly inside it (runs
/// from <see cref="RunDetector"/>); fewer than five such runs give no figure.
/// </summary>
internal sealed class FiveRuns
{
    /// <summary>Runs averaged.</summary>
    public const int Runs = 5;

    private readonly List<BestWindow> _best = new(Runs + 1);
    private BestWindow _current = new();

    /// <summary>The five fastest runs' best windows, fastest first (the current run included).</summary>
    public IReadOnlyList<BestWindow> Best => Ranked();

    /// <summary>Closes the current run and opens the next.</summary>
    public void StartRun()
    {
        Close();
        _current = new BestWindow();
    }

    /// <summary>
    /// True when a 10 s window of <paramref name="speed"/> from <paramref name="start"/> would be kept by
    /// <see cref="Offer"/> (the test before making the whole window).
    /// </summary>
    public bool Accepts(double speed, long start, long runStart) => start >= runStart && _current.Beats(speed);

    /// <summary>Offers the 10 s window ending at the newest frame; true when it is the current run's best so far.</summary>
    public bool Offer(in WindowSpeed window, long runStart) => window.StartSequence >= runStart && _current.Offer(window);

    /// <summary>The current run's best (to describe what was wrong inside it).</summary>
    public BestWindow Current => _current;

    /// <summary>Mean of the five, in knots; null with fewer than five runs.</summary>
    public double? Knots()
    {
        var ranked = Ranked();
        return ranked.Count < Runs ? null : Speeds.ToKnots(ranked.Average(run => run.Window.Speed));
    }

    private void Close()
    {
        if (!_current.HasValue)
        {
            return;
        }

        _best.Add(_current);
        _best.Sort((a, b) => b.Window.Speed.CompareTo(a.Window.Speed));
        if (_best.Count > Runs)
        {
            _best.RemoveAt(Runs);
        }
    }

    private List<BestWindow> Ranked()
    {
        var ranked = new List<BestWindow>(_best);
        if (_current.HasValue)
        {
            ranked.Add(_current);
        }

        ranked.Sort((a, b) => b.Window.Speed.CompareTo(a.Window.Speed));
        return ranked.Count > Runs ? ranked.GetRange(0, Runs) : ranked;
    }
}
