using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.State;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Disconnection;

/// <summary>
/// Disconnection, the fourth activity, one device at a time: a completed device is probed with a TCP connect; if nothing
/// answers it has almost certainly left: disconnected, address discarded, so detection finds it when it returns.
/// </summary>
internal sealed partial class DisconnectionStage(
    IConnectProbe probe,
    FleetState fleet,
    MotionServerOptions options,
    PipelineLifetime lifetime,
    ILogger logger)
{
    public async Task<StageOutcome> ProbeAsync(DeviceWork work)
    {
        try
        {
            if (lifetime.IsStopping || work.Address is null)
            {
                return new DeviceAbandoned(work);
            }

            bool present = await probe.CanConnectAsync(work.Address, options.Network.Port, options.Disconnection.ConnectTimeout, lifetime.Stopping).ConfigureAwait(false);
            if (present)
            {
                fleet.MarkSeen(work.DeviceId);
            }
            else if (fleet.StatusOf(work.DeviceId) == MotionStatus.Completed)
            {
                LogDisconnected(logger, work.Hostname); // the line first, then the status it reports
                fleet.MarkDisconnected(work.DeviceId);
            }

            return new DeviceDone(work);
        }
        catch (OperationCanceledException) when (lifetime.IsStopping)
        {
            return new DeviceAbandoned(work);
        }
#pragma warning disable CA1031 // a stage never throws
        catch (Exception e)
#pragma warning restore CA1031
        {
            ProbeError(logger, work.Hostname, e.Message);
            return new DeviceDone(work);
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "{Hostname} has been disconnected")]
    internal static partial void LogDisconnected(ILogger logger, string hostname);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "{Hostname} presence probe failed - {Reason}")]
    private static partial void ProbeError(ILogger logger, string hostname, string reason);
}
