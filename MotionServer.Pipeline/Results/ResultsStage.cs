using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Results;

/// <summary>
/// The results stage: when a track lands (<see cref="DayChanged"/>, called by the download workers), when the roster
/// changes (<see cref="RosterChanged"/>) or at start-up (every day the ledgers hold), the day's results files are rebuilt (<see cref="DayResultsBuilder"/>). It never delays a
/// download: <see cref="DayChanged"/> only marks the day dirty and wakes one consumer of its own, which rebuilds each
/// dirty day once per burst (a day marked while it is rebuilt is rebuilt once more), and starts a rebuild no sooner than
/// <see cref="DefaultSpacing"/> after the last began: in a rush, tracks land several a second, and a rebuild at a roster
/// of 1,000 reads every ledger and allocates some 5 MB, which a rebuild per landing made most of the server's
/// allocations (and of its resident memory's growth) while riders poured in. Bounded: one pending wake-up and one mark
/// per day. A stop lets the consumer finish within its budget, then abandons it between two days (each file
/// is replaced atomically, so an abandoned rebuild leaves the previous files).
/// </summary>
internal sealed partial class ResultsStage : IDisposable
{
    /// <summary>
    /// At least this long between the starts of two rebuilds: a landing's row is in the files within it and a rebuild's
    /// time (under a second, as issue 16 asks), and a rush's landings coalesce into two rebuilds a second at most.
    /// </summary>
    public static readonly TimeSpan DefaultSpacing = TimeSpan.FromMilliseconds(500);

    private readonly DayResultsBuilder _builder;
    private readonly Func<MotionRoster> _roster;
    private readonly ILogger _logger;
    private readonly SpacedRuns _rebuilds; // a stop rebuilds what is dirty at once, unspaced
    private readonly Lock _gate = new();
    private readonly SortedSet<DateOnly> _dirty = [];
    private readonly CancellationTokenSource _abandon = new();
    private bool _everyDay;

    /// <summary>Creates the stage; nothing runs before <see cref="Start"/>.</summary>
    /// <param name="folder">The event folder.</param>
    /// <param name="roster">The roster as it is now.</param>
    /// <param name="logger">Where rebuilds are reported.</param>
    /// <param name="time">The clock of the spacing between rebuilds.</param>
    /// <param name="spacing">At least this long between the starts of two rebuilds (<see cref="DefaultSpacing"/> when null).</param>
    public ResultsStage(EventFolder folder, Func<MotionRoster> roster, ILogger logger, TimeProvider? time = null, TimeSpan? spacing = null)
    {
        _builder = new DayResultsBuilder(folder);
        _roster = roster;
        _logger = logger;
        _rebuilds = new SpacedRuns(RebuildDirtyDays, spacing ?? DefaultSpacing, time ?? TimeProvider.System);
    }

    /// <summary>Raised on the consumer after each day's rebuild that ran to its end (tests).</summary>
    internal event EventHandler<DayResultsWritten>? Rebuilt;

    /// <summary>Starts the consumer, which first rebuilds every day the ledgers hold (the results of a restart).</summary>
    public void Start()
    {
        lock (_gate)
        {
            _everyDay = true;
        }

        _rebuilds.Start();
        _rebuilds.Wake();
    }

    /// <summary>A track of <paramref name="localDate"/> landed: its day is rebuilt soon, off the caller's thread.</summary>
    public void DayChanged(DateOnly localDate)
    {
        lock (_gate)
        {
            _dirty.Add(localDate);
        }

        _rebuilds.Wake(); // false after the stop: the day is rebuilt at the next start
    }

    /// <summary>
    /// The roster changed (a rider's name or class corrected, a row added): every day the ledgers hold is rebuilt soon,
    /// since the rows of any of them may read differently now. Off the caller's thread, as <see cref="DayChanged"/>.
    /// </summary>
    public void RosterChanged()
    {
        lock (_gate)
        {
            _everyDay = true;
        }

        _rebuilds.Wake();
    }

    /// <summary>
    /// Takes no more days, lets the consumer rebuild what is dirty for at most <paramref name="budget"/>, then abandons
    /// it (it stops before the next day; the one in progress is a few file writes).
    /// </summary>
    public async Task StopAsync(TimeSpan budget, TimeProvider time)
    {
        var stopped = _rebuilds.StopAsync();
        try
        {
            await stopped.WaitAsync(budget, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _abandon.CancelAsync().ConfigureAwait(false);
            LogAbandoned(_logger, budget.TotalSeconds);
            await stopped.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _rebuilds.Dispose();
        _abandon.Cancel();
        _abandon.Dispose();
    }

    private void RebuildDirtyDays()
    {
        if (_abandon.IsCancellationRequested)
        {
            return; // abandoned by the stop: the dirty days are rebuilt at the next start
        }

        foreach (var day in TakeDirtyDays())
        {
            if (_abandon.IsCancellationRequested)
            {
                return;
            }

            RebuildDay(day);
        }
    }

    private List<DateOnly> TakeDirtyDays()
    {
        bool everyDay;
        List<DateOnly> days;
        lock (_gate)
        {
            everyDay = _everyDay;
            _everyDay = false;
            days = [.. _dirty];
            _dirty.Clear();
        }

        if (everyDay)
        {
            days = [.. days.Union(_builder.DaysWithTracks([])).Order()];
        }

        return days;
    }

    private void RebuildDay(DateOnly day)
    {
        try
        {
            var written = _builder.Rebuild(_roster(), day);
            LogRebuilt(_logger, day, written.Rows.Count, written.Changed ? "written" : "unchanged");
            Rebuilt?.Invoke(this, written);
        }
#pragma warning disable CA1031 // a day that cannot be rebuilt must not end the stage: the next track of the day tries again
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            LogNotWritten(_logger, day, Logging.LogText.Escape(e.Message));
        }
    }
}
