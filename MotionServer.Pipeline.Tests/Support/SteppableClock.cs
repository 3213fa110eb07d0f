namespace MotionServer.Pipeline.Tests.Support;

/// <summary>
/// A fake clock whose wall time can be stepped (as NTP or an operator setting the date does) while its monotonic time
/// goes on undisturbed. <see cref="GetUtcNow"/> is the wall clock; <see cref="GetTimestamp"/> and every timer run on
/// the underlying <see cref="TimerWatchingClock"/>, as real timers run on the monotonic clock, not on the wall.
/// Without a step it is that clock exactly.
/// </summary>
internal sealed class SteppableClock : TimeProvider
{
    private readonly TimerWatchingClock _monotonic = new();
    private long _stepTicks;

    public override DateTimeOffset GetUtcNow() => _monotonic.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _stepTicks));

    /// <summary>The wall time there would be without any step: the time <see cref="ArmedTimer.DueAt"/> is on.</summary>
    public DateTimeOffset UnsteppedUtcNow => _monotonic.GetUtcNow();

    public override long GetTimestamp() => _monotonic.GetTimestamp();

    public override long TimestampFrequency => _monotonic.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _monotonic.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _monotonic.CreateTimer(callback, state, dueTime, period);

    /// <summary>Lets time pass: the wall clock and the monotonic clock alike, firing the timers that fall due.</summary>
    public void Advance(TimeSpan by) => _monotonic.Advance(by);

    /// <summary>Sets the wall clock <paramref name="by"/> forward (negative: back); the monotonic clock and the timers do not move.</summary>
    public void StepWallClock(TimeSpan by) => Interlocked.Add(ref _stepTicks, by.Ticks);

    /// <inheritdoc cref="TimerWatchingClock.HasUnseenTimer"/>
    public bool HasUnseenTimer => _monotonic.HasUnseenTimer;

    /// <inheritdoc cref="TimerWatchingClock.NextTimerAsync"/>
    /// <remarks>Its <see cref="ArmedTimer.DueAt"/> is on the monotonic clock: the wall time before any step.</remarks>
    public Task<ArmedTimer> NextTimerAsync() => _monotonic.NextTimerAsync();
}
