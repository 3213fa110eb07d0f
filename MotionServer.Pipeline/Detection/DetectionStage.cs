using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.State;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Detection, the first activity. The <see cref="DetectionScheduler"/> looks for each device (name, then TCP connect); a
/// device that answered comes here: connected, moved to the front of the history list, on to inspection. One that
/// did not is not found (not logged — absent devices are the normal case all day) and is looked for again later.
/// </summary>
internal sealed partial class DetectionStage(FleetState fleet, PipelineLifetime lifetime, ILogger logger)
{
    /// <summary>Records a device its look found at <see cref="DeviceWork.Address"/>.</summary>
    public Task<StageOutcome> DetectAsync(DeviceWork work) => Task.FromResult(Detect(work));

    /// <summary>A look did not find the device.</summary>
    public void NotFound(DeviceWork work)
    {
        // A device that failed and is now gone has left the network; say so, as for a completed one.
        if (fleet.StatusOf(work.DeviceId) == MotionStatus.Failed)
        {
            Disconnection.DisconnectionStage.LogDisconnected(logger, work.Hostname);
            fleet.MarkDisconnected(work.DeviceId);
        }
    }

    /// <summary>A look ended with an unexpected error: logged, and the device counts as not found.</summary>
    public void LookFailed(DeviceWork work, Exception error)
    {
        DetectionError(logger, work.Hostname, error.Message);
        NotFound(work);
    }

    private StageOutcome Detect(DeviceWork work)
    {
        try
        {
            if (lifetime.IsStopping)
            {
                return new DeviceAbandoned(work);
            }

            if (work.Address is not { } address)
            {
                NotFound(work);
                return new DeviceNotFound(work);
            }

            Detected(logger, work.Hostname, address.ToString());
            Connected(logger, work.Hostname); // the line first, then the status it reports
            fleet.MarkConnected(work.DeviceId, address);
            return new DeviceDetected(work, address);
        }
#pragma warning disable CA1031 // a stage never throws: an exception would fault the block and stop the fleet
        catch (Exception e)
#pragma warning restore CA1031
        {
            DetectionError(logger, work.Hostname, e.Message);
            return new DeviceNotFound(work);
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "{Hostname} detected at {Address}")]
    private static partial void Detected(ILogger logger, string hostname, string address);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "{Hostname} is connected")]
    private static partial void Connected(ILogger logger, string hostname);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Hostname} detection failed - {Reason}")]
    private static partial void DetectionError(ILogger logger, string hostname, string reason);
}
