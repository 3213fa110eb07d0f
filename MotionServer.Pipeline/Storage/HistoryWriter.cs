using System.Threading.Channels;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Storage;

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
    private readonly TimeProvider _time;
    private readonly TimeSpan _spacing;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite, // a save already pending covers this change
        SingleReader = true,
    });

    private readonly CancellationTokenSource _stopping = new();
    private Task _consumer = Task.CompletedTask;

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
        _time = time ?? TimeProvider.System;
        _spacing = spacing ?? DefaultSpacing;
    }

    /// <summary>Starts the writer's consumer; a change before it is saved when it starts.</summary>
    public void Start() => _consumer = Task.Run(ConsumeAsync);

    /// <summary>The history changed: it is saved soon, off the caller's thread.</summary>
    public void Changed() => _wake.Writer.TryWrite(true); // false after the stop, whose own save has it

    /// <summary>Takes no more changes, ends the wait of the spacing, and saves the history as it is at the stop.</summary>
    public async Task StopAsync()
    {
        _wake.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _consumer.ConfigureAwait(false);
        Save();
    }

    public void Dispose()
    {
        _wake.Writer.TryComplete();
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task ConsumeAsync()
    {
        while (await _wake.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            _wake.Reader.TryRead(out _);
            if (_stopping.IsCancellationRequested)
            {
                return; // the stop saves it
            }

            Save();
            try
            {
                await Task.Delay(_spacing, _time, _stopping.Token).ConfigureAwait(false); // changes meanwhile: one save
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

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
