using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// The dry run's side of inspection (<see cref="Configuration.MotionServerOptions.DryRun"/>): the same plan as a real
/// run, listed in the log instead of recorded. Nothing is written: no metadata, no ledger, and no download follows.
/// The device stays <c>connected</c>, so it is listed once per run.
/// </summary>
internal sealed partial class InspectionStage
{
    private void KeepDocument(string hostname, string documentName, byte[] content)
    {
        if (!options.DryRun)
        {
            cache.Save(hostname, documentName, content);
        }
    }

    private DeviceDone ListForDryRun(DeviceWork work, IReadOnlyList<DeviceLog> logs, DeviceSettings settings)
    {
        var logger = log.For(work.DeviceId);
        var ledger = ledgers.Peek(work.Hostname, out string? ledgerProblem);
        if (ledgerProblem is not null)
        {
            LedgerUnreadable(logger, work.Hostname, ledgerProblem);
        }

        // The planner records its decisions in this in-memory ledger only; it is never saved.
        var plan = planner.Plan(work.DeviceId, logs, settings, fleet.Roster, ledger);
        new DryRunReport(options, logger).Report(work, logs, settings, fleet.Roster, plan, ledger);
        return new DeviceDone(work);
    }
}
