namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Detection's clock: monotonic time since the schedule was made (<see cref="TimeProvider.GetTimestamp"/>), which a
/// step of the wall clock (NTP correcting a laptop that ran an hour ahead, someone setting the date) does not move.
/// Every due time of the schedule is on it; wall time only shows a due time to a reader.
/// </summary>
internal sealed class ScheduleClock(TimeProvider time)
{
    private readonly long _origin = time.GetTimestamp();

    /// <summary>The provider the schedule's timers run on (monotonic, as <see cref="Now"/>).</summary>
    public TimeProvider Time => time;

    /// <summary>Monotonic time since the schedule was made.</summary>
    public TimeSpan Now => time.GetElapsedTime(_origin);

    /// <summary>The wall time at which a moment of the schedule falls, as the wall clock reads now.</summary>
    public DateTimeOffset ToWallTime(TimeSpan at) => time.GetUtcNow() + (at - Now);
}
