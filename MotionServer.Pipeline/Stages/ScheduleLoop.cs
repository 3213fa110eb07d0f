namespace MotionServer.Pipeline.Stages;

/// <summary>The steps of one schedule (detection's looks, presence's probes), which <see cref="ScheduleLoop"/> runs.</summary>
internal interface IScheduleSteps
{
    /// <summary>The schedule's monotonic clock now.</summary>
    TimeSpan Now { get; }

    /// <summary>Takes in everything heard since the last time; true when a pass is called for at once.</summary>
    bool Apply();

    /// <summary>When the next pass is due.</summary>
    TimeSpan NextPass();

    /// <summary>Claims the devices due and starts their work, each on its own.</summary>
    void Pass(TimeSpan now, CancellationToken stopping);

    /// <summary>Sleeps until <paramref name="delay"/> has passed or the schedule is woken (<see cref="ScheduleSleep"/>).</summary>
    Task SleepAsync(TimeSpan delay);
}

/// <summary>
/// The one loop of a schedule: take in what was heard, then pass when something is due (or a pass is called for),
/// otherwise sleep until the next pass or a wake. Both schedules run it, so they cannot drift apart.
/// </summary>
internal static class ScheduleLoop
{
    /// <summary>
    /// Runs <paramref name="steps"/> until <paramref name="stopping"/> is cancelled, which also wakes
    /// <paramref name="sleep"/>; the sleep's timer is disposed when the loop ends. The work the passes started is the
    /// caller's to wait for afterwards.
    /// </summary>
    public static async Task RunAsync(IScheduleSteps steps, ScheduleSleep sleep, CancellationToken stopping)
    {
        await Task.Yield();
        using var wakeOnStop = stopping.Register(static state => ((ScheduleSleep)state!).Wake(), sleep);
        using var timer = sleep;
        bool passNow = true;
        while (!stopping.IsCancellationRequested)
        {
            passNow |= steps.Apply();
            var now = steps.Now;
            var next = steps.NextPass();
            if (passNow || now >= next)
            {
                steps.Pass(now, stopping);
                passNow = false;
            }
            else
            {
                await steps.SleepAsync(next - now).ConfigureAwait(false);
            }
        }
    }
}
