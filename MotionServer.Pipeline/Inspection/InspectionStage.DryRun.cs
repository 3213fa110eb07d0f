using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// The dry run's side of inspection (<see cref="Configuration.MotionServerOptions.DryRun"/>): the same decisions as a real
/// run, listed in the log instead of applied. Nothing is written: no metadata, no ledger, no track renamed, and no
/// download follows.
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

        // Decided, never applied: a File ID corrected in the roster would otherwise rename files the saved ledger never hears of.
        var decisions = planner.Decide(work.DeviceId, logs, settings, fleet.Roster, ledger.Entries);
        new DryRunReport(options, logger).Report(work, logs, settings, fleet.Roster, decisions);
        return new DeviceDone(work);
    }
}
