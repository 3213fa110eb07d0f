using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace MotionServer.Pipeline.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer the code under test arms (a <c>Task.Delay</c> on a
/// <see cref="TimeProvider"/> arms one), with when it is due. A test waits until the code is really waiting before it
/// moves the clock: moved earlier, the code would arm its timer after the jump, and what the test then sees depends on
/// which thread won. It also lets a test check how long the code chose to wait, to the millisecond.
/// </summary>
internal sealed class TimerWatchingClock : FakeTimeProvider
{
    private readonly Channel<ArmedTimer> _armed = Channel.CreateUnbounded<ArmedTimer>();

    public TimerWatchingClock()
        : base(new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, base.CreateTimer(callback, state, dueTime, period));
        Armed(dueTime);
        return timer;
    }

    /// <summary>A timer armed (created with a due time, or changed to one): a timer created idle is not waiting yet.</summary>
    private void Armed(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _armed.Writer.TryWrite(new ArmedTimer(GetUtcNow(), dueTime));
        }
    }

    /// <summary>The next timer armed, in the order they were armed; fails after <see cref="Patience.Timeout"/> if none is.</summary>
    public async Task<ArmedTimer> NextTimerAsync()
    {
        using var patience = new CancellationTokenSource(Patience.Timeout);
        try
        {
            return await _armed.Reader.ReadAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no timer was armed within {Patience.Timeout.TotalSeconds} s");
        }
    }

    /// <summary>True when a timer has been armed that no <see cref="NextTimerAsync"/> has taken yet.</summary>
    public bool HasUnseenTimer => _armed.Reader.Count > 0;

    /// <summary>The fake clock's timer, reporting each time it is armed again (a schedule loop re-arms one timer).</summary>
    private sealed class WatchedTimer(TimerWatchingClock clock, ITimer timer) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool changed = timer.Change(dueTime, period);
            clock.Armed(dueTime);
            return changed;
        }

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}

/// <summary>A timer armed on a <see cref="TimerWatchingClock"/>.</summary>
/// <param name="ArmedAt">The fake time when it was armed.</param>
/// <param name="DueTime">How long after that it fires.</param>
internal sealed record ArmedTimer(DateTimeOffset ArmedAt, TimeSpan DueTime)
{
    public DateTimeOffset DueAt => ArmedAt + DueTime;
}
