using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Graph;

/// <summary>
/// Saves <c>motions/history.json</c> for the running pipeline, off the threads that change a device's status and at
/// most once per spacing: a change (<see cref="Changed"/>) is saved at once when none was saved within the spacing,
/// else together with every other change of that spacing at its end. Each save writes the history as it is then,
/// flushed to disk twice (the file, then its folder).
/// <para>
/// Saved inside each connect's and each completion's status change, a save held up the inspection of an arriving
/// device for its flushes, and over a compressed day of riders it was 7 % of the server's processor time
/// (benchmarks/README.md). What a power cut can lose now is the last spacing's order and times of connections
/// (a second's, by default); never a track, a ledger, or anything the history held before.
/// </para>
/// </summary>
internal sealed class HistoryWriter : IDisposable
{
    /// <summary>At least this long between two saves.</summary>
    public static readonly TimeSpan DefaultSpacing = TimeSpan.FromSeconds(1);

    private readonly HistoryStore _store;
    private readonly Func<HistoryRecord> _export;
    private readonly Action<string> _notSaved;
    private readonly SpacedRuns _saves;

    /// <param name="store">Where the history is saved.</param>
    /// <param name="export">The history as it is now.</param>
    /// <param name="notSaved">Told why a save failed (the next change tries again).</param>
    /// <param name="time">The clock of the spacing.</param>
    /// <param name="spacing">At least this long between two saves (<see cref="DefaultSpacing"/> when null).</param>
    public HistoryWriter(HistoryStore store, Func<HistoryRecord> export, Action<string> notSaved, TimeProvider? time = null, TimeSpan? spacing = null)
    {
        _store = store;
        _export = export;
        _notSaved = notSaved;
        _saves = new SpacedRuns(Save, spacing ?? DefaultSpacing, time ?? TimeProvider.System);
    }

    /// <summary>Starts the writer's consumer; a change before it is saved when it starts.</summary>
    public void Start() => _saves.Start();

    /// <summary>The history changed: it is saved soon, off the caller's thread.</summary>
    public void Changed() => _saves.Wake(); // false after the stop, whose own save has it

    /// <summary>Takes no more changes, ends the wait of the spacing, and saves the history as it is at the stop (once started).</summary>
    public Task StopAsync()
    {
        _saves.Wake(); // the stop's save: pending, so it runs at once
        return _saves.StopAsync();
    }

    public void Dispose() => _saves.Dispose();

    private void Save()
    {
        try
        {
            _store.Save(_export);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _notSaved(e.Message);
        }
    }
}
