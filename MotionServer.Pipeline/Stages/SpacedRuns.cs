using System.Threading.Channels;

namespace MotionServer.Pipeline.Stages;

/// <summary>
/// Runs an action on a consumer of its own each time it is woken (<see cref="Wake"/>), off the waking thread, and no
/// sooner than a spacing after the last run began: wakes while a run goes on, or within the spacing, join the next run
/// (one wake pending at most). A stop ends the spacing's wait: what is pending runs at once, then the consumer ends.
/// What the results stage and history.json's writer share: work that reads the state as it is when it runs, so that a
/// burst of changes is one run.
/// </summary>
/// <param name="run">The work; it must not throw (a throw ends the consumer, and <see cref="Completion"/> carries it).</param>
/// <param name="spacing">At least this long between the starts of two runs.</param>
/// <param name="time">The clock of the spacing.</param>
internal sealed class SpacedRuns(Action run, TimeSpan spacing, TimeProvider time) : IDisposable
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite, // a wake already pending covers this one
        SingleReader = true,
    });

    private readonly CancellationTokenSource _stopping = new();
    private long? _lastRun; // when the last run began (a timestamp of time); none yet
    private Task _consumer = Task.CompletedTask;

    /// <summary>Completes when the consumer has ended (after the stop), or never started.</summary>
    public Task Completion => _consumer;

    /// <summary>Starts the consumer; a wake before it runs once it starts.</summary>
    public void Start() => _consumer = Task.Run(ConsumeAsync);

    /// <summary>Calls for a run; false after the stop (nothing more runs).</summary>
    public bool Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Takes no more wakes and ends the spacing's wait: a pending run runs at once. Completes with <see cref="Completion"/>.</summary>
    public async Task StopAsync()
    {
        _wake.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _consumer.ConfigureAwait(false);
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
            await SpacedAsync().ConfigureAwait(false); // wakes meanwhile join this run
            _wake.Reader.TryRead(out _);
            _lastRun = time.GetTimestamp();
            run();
        }
    }

    /// <summary>Waits until the spacing since the last run began has passed; the stop ends the wait.</summary>
    private async Task SpacedAsync()
    {
        if (_lastRun is not { } last || _stopping.IsCancellationRequested)
        {
            return;
        }

        var wait = spacing - time.GetElapsedTime(last);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, time, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: what is pending runs now.
        }
    }
}
