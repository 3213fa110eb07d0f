namespace MotionServer.Pipeline.Stages;

/// <summary>
/// The one sleep of a schedule loop (detection's and presence's): until its next due time, or until the work it
/// started wakes it (a look or a probe ended), or the stop. One timer, armed again for each sleep, and one signal.
/// <para>
/// Why not a <c>Task.Delay</c> raced against the channel's <c>WaitToReadAsync</c>, cancelling the loser: a loop sleeps
/// and wakes hundreds of times a second at rest (every look at an absent device ends with a wake), and each such
/// sleep cost a linked token source, a timer created and destroyed, and an <see cref="OperationCanceledException"/>
/// thrown and caught for the cancelled wait. Measured on the published program at a roster of 1,000, that was a
/// large share of the processor time at rest (docs/detection.md). Here nothing is cancelled and nothing thrown.
/// </para>
/// <para>
/// A wake that comes while the loop is awake is kept: the next sleep returns at once, so the loop never sleeps
/// through something it was told while it worked. A timer that fires for a sleep already ended by a wake makes the
/// next sleep return at once too: one extra turn of the loop, which finds nothing due and sleeps again.
/// </para>
/// </summary>
internal sealed class ScheduleSleep : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private TaskCompletionSource? _sleeper; // the loop's sleep, while it sleeps
    private bool _woken; // woken while the loop was awake

    public ScheduleSleep(TimeProvider time) =>
        _timer = time.CreateTimer(static state => ((ScheduleSleep)state!).Wake(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <summary>Ends the loop's sleep now, or, when it is awake, its next sleep at once. Any thread.</summary>
    public void Wake()
    {
        TaskCompletionSource? sleeper;
        lock (_gate)
        {
            sleeper = _sleeper;
            _sleeper = null;
            _woken = sleeper is null;
        }

        sleeper?.TrySetResult();
    }

    /// <summary>Returns when <paramref name="delay"/> has passed on the clock or <see cref="Wake"/> was called. The loop's own thread only.</summary>
    public Task UntilDueOrWokenAsync(TimeSpan delay)
    {
        Task sleep;
        lock (_gate)
        {
            if (_woken || delay <= TimeSpan.Zero)
            {
                _woken = false;
                return Task.CompletedTask;
            }

            // The loop goes on on the thread that woke it (the one that ended a look or a probe, or the timer's): a
            // short turn of the loop, where a hop to the thread pool for every wake cost more than the turn (pool
            // threads woken, spinning for more work; docs/detection.md).
            _sleeper = new TaskCompletionSource();
            sleep = _sleeper.Task;
        }

        // Outside the lock: a clock may run a due callback (Wake) on this thread while arming.
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
        return sleep;
    }

    public void Dispose() => _timer.Dispose();
}
