using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Disconnection;

/// <summary>
/// Disconnection, the fourth activity, one probe of one device: a completed device is probed with a TCP connect; if
/// nothing answers it has almost certainly left: disconnected, address discarded, so detection finds it when it
/// returns. The <see cref="PresenceScheduler"/> decides when each device is probed and how many probes run at once.
/// </summary>
internal sealed partial class DisconnectionStage(
    IConnectProbe probe,
    FleetState fleet,
    StatusReporter reporter,
    DeparturePolicy departures,
    MotionServerOptions options,
    FleetLog log)
{
    /// <summary>Probes the device at its address and says what the answer means; never throws.</summary>
    public async Task ProbeAsync(DeviceWork work, CancellationToken stopping)
    {
        if (work.Address is not { } address)
        {
            return; // cannot happen: only devices with an address are probed
        }

        try
        {
            bool present = await probe.CanConnectAsync(address, options.Network.Port, options.Disconnection.ConnectTimeout, stopping).ConfigureAwait(false);
            if (!stopping.IsCancellationRequested)
            {
                Conclude(work, present);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // A probe cut by the stop says nothing about the device.
        }
#pragma warning disable CA1031 // a probe never throws: the schedule would lose the device
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The probe itself broke (not "no answer", which is a plain false): nothing is concluded; the next probe asks again.
            ProbeError(log.For(work.DeviceId), work.Hostname, StageError.Classify(e).Reason);
        }
    }

    private void Conclude(DeviceWork work, bool present)
    {
        if (present)
        {
            fleet.MarkSeen(work.DeviceId);
        }
        else if (departures.AbsenceIsDeparture(work.DeviceId))
        {
            reporter.Disconnected(work);
        }
    }
}
