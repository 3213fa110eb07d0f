namespace MotionServer.Emulator.Fleet;

/// <summary>Running a schedule.</summary>
internal sealed partial class EmulatedFleet
{
    /// <summary>
    /// Runs <paramref name="schedule"/> from now on <paramref name="timeProvider"/>'s clock (a fake clock in tests).
    /// A failing step is logged and skipped; the task ends after the last step, or when cancelled.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A step names a device not in the fleet (checked before anything runs).</exception>
    public async Task RunScheduleAsync(FleetSchedule schedule, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var steps = schedule.Steps;
        if (steps.FirstOrDefault(s => !Contains(s.DeviceId)) is { } unknown)
        {
            throw new KeyNotFoundException($"The schedule names device {unknown.DeviceId}, which is not in the fleet.");
        }

        var start = timeProvider.GetUtcNow();
        foreach (var step in steps)
        {
            var wait = start + step.At - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            await RunStepAsync(step, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunStepAsync(ScheduleStep step, CancellationToken cancellationToken)
    {
        var device = this[step.DeviceId];
        try
        {
            var work = step.Action switch
            {
                ScheduleAction.Join => device.JoinAsync(cancellationToken),
                ScheduleAction.Leave => device.LeaveAsync(cancellationToken),
                _ => step.Custom?.Invoke(device, cancellationToken) ?? Task.CompletedTask,
            };
            await work.ConfigureAwait(false);
            Log.StepRan(_logger, device.Hostname, step.Description, step.At);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.StepFailed(_logger, device.Hostname, step.Description, step.At, e);
        }
    }
}
