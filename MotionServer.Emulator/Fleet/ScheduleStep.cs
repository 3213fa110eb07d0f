using MotionServer.Emulator.Devices;

namespace MotionServer.Emulator.Fleet;

/// <summary>One step of a <see cref="FleetSchedule"/>: at <paramref name="At"/> after the start, do <paramref name="Action"/> to a device.</summary>
/// <param name="At">Time after the schedule starts.</param>
/// <param name="DeviceId">The device.</param>
/// <param name="Action">What happens.</param>
internal sealed record ScheduleStep(TimeSpan At, int DeviceId, ScheduleAction Action)
{
    /// <summary>The work of a <see cref="ScheduleAction.Custom"/> step.</summary>
    public Func<EmulatedDevice, CancellationToken, Task>? Custom { get; init; }

    /// <summary>What the step is, for the log.</summary>
    public string Description { get; init; } = Action.ToString();
}
