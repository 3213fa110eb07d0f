using Microsoft.Extensions.Time.Testing;

namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that counts the timers created from it, so a test can advance the clock once a
/// loop has armed its next wait (a loop arms it after its round ends: advancing earlier would move past nothing).
/// </summary>
internal sealed class TimerCountingTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    /// <summary>Raised once for every timer created (e.g. every <c>Task.Delay</c> on this clock).</summary>
    public EventCounter Timers { get; } = new();

    public FakeTimeProvider Inner => inner;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        Timers.Raise();
        return timer;
    }
}
