using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Detection, the first activity. The <see cref="DetectionScheduler"/> looks for each device (name, then TCP connect); a
/// device that answered comes here: connected, moved to the front of the history list, on to inspection. One that
/// did not is not found (not logged — absent devices are the normal case all day) and is looked for again later.
/// </summary>
internal sealed partial class DetectionStage(StatusReporter reporter, DeparturePolicy departures, FleetLog log) : IDeviceStage<DeviceWork>
{
    public string Name => "detection";

    /// <summary>Records a device its look found at <see cref="DeviceWork.Address"/>.</summary>
    public Task<StageOutcome> RunAsync(DeviceWork input)
    {
        if (input.Address is not { } address)
        {
            NotFound(input);
            return Task.FromResult<StageOutcome>(new DeviceNotFound(input));
        }

        return Task.FromResult<StageOutcome>(reporter.Connected(input, address));
    }

    public Task<StageOutcome> FailedAsync(DeviceWork work, StageError error)
    {
        DetectionError(log.For(work.DeviceId), work.Hostname, error.Reason);
        return Task.FromResult<StageOutcome>(new DeviceNotFound(work));
    }

    /// <summary>
    /// A look did not find the device. One that was done, or failed, or set back to be planned again after a roster
    /// change, and is now gone has left the network: said so (the contract's line, then the status).
    /// </summary>
    public void NotFound(DeviceWork work)
    {
        if (departures.MissedLookIsDeparture(work.DeviceId))
        {
            reporter.Disconnected(work);
        }
    }

    /// <summary>A look ended with an unexpected error: logged, and the device counts as not found.</summary>
    public void LookFailed(DeviceWork work, Exception error)
    {
        DetectionError(log.For(work.DeviceId), work.Hostname, StageError.Classify(error).Reason);
        NotFound(work);
    }
}
