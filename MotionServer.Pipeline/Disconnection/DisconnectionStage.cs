using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Disconnection;

/// <summary>
/// Disconnection, the fourth activity, one device at a time: a completed device is probed with a TCP connect; if nothing
/// answers it has almost certainly left: disconnected, address discarded, so detection finds it when it returns.
/// </summary>
internal sealed partial class DisconnectionStage(
    IConnectProbe probe,
    FleetState fleet,
    StatusReporter reporter,
    DeparturePolicy departures,
    MotionServerOptions options,
    PipelineLifetime lifetime,
    FleetLog log) : IDeviceStage<DeviceWork>
{
    public string Name => "presence probe";

    public async Task<StageOutcome> RunAsync(DeviceWork input)
    {
        if (input.Address is null)
        {
            return new DeviceAbandoned(input); // cannot happen: only devices with an address are probed
        }

        bool present = await probe.CanConnectAsync(input.Address, options.Network.Port, options.Disconnection.ConnectTimeout, lifetime.Stopping).ConfigureAwait(false);
        if (present)
        {
            fleet.MarkSeen(input.DeviceId);
        }
        else if (departures.AbsenceIsDeparture(input.DeviceId))
        {
            reporter.Disconnected(input);
        }

        return new DeviceDone(input);
    }

    public Task<StageOutcome> FailedAsync(DeviceWork work, StageError error)
    {
        // The probe itself broke (not "no answer", which is a plain false): nothing is concluded; the next probe asks again.
        ProbeError(log.For(work.DeviceId), work.Hostname, error.Reason);
        return Task.FromResult<StageOutcome>(new DeviceDone(work));
    }
}
