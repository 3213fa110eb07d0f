using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.State;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Thread 1 of the design, one device at a time: resolve the name, then try a TCP connect to the port.
/// Success: connected, moved to the front of the history list, on to inspection. Failure: not found
/// (not logged — absent devices are the normal case all day); the next sweep looks again.
/// </summary>
internal sealed partial class DetectionStage(
    IAddressResolver resolver,
    IConnectProbe probe,
    FleetState fleet,
    MotionServerOptions options,
    PipelineLifetime lifetime,
    ILogger logger)
{
    public async Task<StageOutcome> DetectAsync(DeviceWork work)
    {
        try
        {
            if (lifetime.IsStopping)
            {
                return new DeviceAbandoned(work);
            }

            var timeout = options.Detection.ConnectTimeout;
            System.Net.IPAddress? address;
            using (var lookup = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Stopping))
            {
                lookup.CancelAfter(timeout);
                try
                {
                    address = await resolver.ResolveAsync(work.Hostname, lookup.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!lifetime.IsStopping)
                {
                    address = null; // a lookup slower than the timeout counts as not found
                }
            }

            if (address is null || !await probe.CanConnectAsync(address, options.Network.Port, timeout, lifetime.Stopping).ConfigureAwait(false))
            {
                return NotFound(work);
            }

            Detected(logger, work.Hostname, address.ToString());
            Connected(logger, work.Hostname); // the line first, then the status it reports
            fleet.MarkConnected(work.DeviceId, address);
            return new DeviceDetected(work with { Address = address }, address);
        }
        catch (OperationCanceledException) when (lifetime.IsStopping)
        {
            return new DeviceAbandoned(work);
        }
#pragma warning disable CA1031 // a stage never throws: an exception would fault the block and stop the fleet
        catch (Exception e)
#pragma warning restore CA1031
        {
            DetectionError(logger, work.Hostname, e.Message);
            return NotFound(work);
        }
    }

    private DeviceNotFound NotFound(DeviceWork work)
    {
        // A device that failed and is now gone has left the network; say so, as for a completed one.
        if (fleet.StatusOf(work.DeviceId) == MotionStatus.Failed)
        {
            Disconnection.DisconnectionStage.LogDisconnected(logger, work.Hostname);
            fleet.MarkDisconnected(work.DeviceId);
        }

        return new DeviceNotFound(work);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "{Hostname} detected at {Address}")]
    private static partial void Detected(ILogger logger, string hostname, string address);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "{Hostname} is connected")]
    private static partial void Connected(ILogger logger, string hostname);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Hostname} detection failed - {Reason}")]
    private static partial void DetectionError(ILogger logger, string hostname, string reason);
}
