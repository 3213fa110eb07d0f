using MotionServer.Emulator.Devices;

namespace MotionServer.Emulator.Fleet;

/// <summary>Who joins and leaves when: steps run in time order (steps at the same time in the order added).</summary>
internal sealed class FleetSchedule
{
    private readonly List<ScheduleStep> _steps = [];

    /// <summary>The steps in the order they run.</summary>
    public IReadOnlyList<ScheduleStep> Steps => [.. _steps.OrderBy(s => s.At)];

    /// <summary>When the last step is due.</summary>
    public TimeSpan End => _steps.Count == 0 ? TimeSpan.Zero : _steps.Max(s => s.At);

    /// <summary>Adds a step.</summary>
    public FleetSchedule Add(ScheduleStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(step.At, TimeSpan.Zero);
        _steps.Add(step);
        return this;
    }

    /// <summary>Device <paramref name="deviceId"/> joins at <paramref name="at"/>.</summary>
    public FleetSchedule Join(TimeSpan at, int deviceId) => Add(new ScheduleStep(at, deviceId, ScheduleAction.Join));

    /// <summary>Device <paramref name="deviceId"/> leaves at <paramref name="at"/>.</summary>
    public FleetSchedule Leave(TimeSpan at, int deviceId) => Add(new ScheduleStep(at, deviceId, ScheduleAction.Leave));

    /// <summary>Device <paramref name="deviceId"/> joins at <paramref name="at"/> and leaves <paramref name="stay"/> later.</summary>
    public FleetSchedule Visit(int deviceId, TimeSpan at, TimeSpan stay) => Join(at, deviceId).Leave(at + stay, deviceId);

    /// <summary>Runs <paramref name="action"/> on device <paramref name="deviceId"/> at <paramref name="at"/>.</summary>
    public FleetSchedule Do(TimeSpan at, int deviceId, string description, Func<EmulatedDevice, CancellationToken, Task> action) =>
        Add(new ScheduleStep(at, deviceId, ScheduleAction.Custom) { Custom = action, Description = description });

    /// <summary>Runs <paramref name="action"/> on device <paramref name="deviceId"/> at <paramref name="at"/>.</summary>
    public FleetSchedule Do(TimeSpan at, int deviceId, string description, Action<EmulatedDevice> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Do(at, deviceId, description, (device, _) =>
        {
            action(device);
            return Task.CompletedTask;
        });
    }
}
