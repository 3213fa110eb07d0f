using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Logging;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// Inspection, the second activity, one device at a time: fetch info.json, settings.json and logs.json into the cache,
/// check them, decide which tracks are owed and record that in the ledger. Tracks owed: pending, on to
/// download. None: completed, "can be disconnected". Any error: failed, retried through detection.
/// </summary>
internal sealed partial class InspectionStage(
    DeviceHttpClient http,
    MetadataCache cache,
    LedgerStore ledgers,
    TrackPlanner planner,
    FleetState fleet,
    StatusReporter reporter,
    DeparturePolicy departures,
    MotionServerOptions options,
    PipelineLifetime lifetime,
    FleetLog log) : IDeviceStage<DeviceDetected>
{
    public string Name => "inspection";

    public Task<StageOutcome> RunAsync(DeviceDetected input) => InspectAsync(input.Work, input.Address);

    public async Task<StageOutcome> FailedAsync(DeviceWork work, StageError error)
    {
        switch (error.Kind)
        {
            case StageErrorKind.DeviceUnreachable when work.Address is { } address:
                // No answer at all: a device that has left (WiFi lost mid-inspection) is disconnected, not failed — unless it
                // still accepts connections, and then it is there and not answering as it should.
                return await departures.IsStillThereAsync(address, lifetime.Abandon).ConfigureAwait(false)
                    ? Fail(work, error.Reason)
                    : reporter.Left(work, Name, error.Reason);
            case StageErrorKind.EventFolder:
                return Fail(work, $"cannot write to the event folder: {error.Reason}");
            default:
                return Fail(work, error.Reason);
        }
    }

    private async Task<StageOutcome> InspectAsync(DeviceWork work, System.Net.IPAddress address)
    {
        var (info, settings, reading) = await FetchDocumentsAsync(work, address).ConfigureAwait(false);
        ReportMetadata(work, info, settings);
        ReportRefused(work, info, settings, reading);
        return options.DryRun ? ListForDryRun(work, reading.Logs, settings) : Plan(work, reading.Logs, settings);
    }

    /// <summary>info.json, settings.json and logs.json, each kept in the cache once read and checked.</summary>
    private async Task<(DeviceInfo Info, DeviceSettings Settings, DeviceLogsReading Logs)> FetchDocumentsAsync(DeviceWork work, System.Net.IPAddress address)
    {
        var limits = options.Limits;
        var timeout = options.Inspection.RequestTimeout;
        var token = lifetime.Abandon;
        int port = options.Network.Port;

        byte[] infoBytes = await http.GetDocumentAsync(address, port, "info.json", timeout, limits.MaxJsonBytes, token).ConfigureAwait(false);
        var info = DeviceInfo.Parse(infoBytes);
        if (info.Identifier != work.DeviceId)
        {
            fleet.SetWarnings(work.DeviceId, [$"wrong identifier: the device at {address} says it is {info.Identifier}"]);
            throw new DeviceAnswerException($"wrong device answered: info.json identifier is {info.Identifier}");
        }

        KeepDocument(work.Hostname, "info.json", infoBytes);

        byte[] settingsBytes = await http.GetDocumentAsync(address, port, "settings.json", timeout, limits.MaxJsonBytes, token).ConfigureAwait(false);
        var settings = DeviceSettings.Parse(settingsBytes);
        KeepDocument(work.Hostname, "settings.json", settingsBytes);

        byte[] logsBytes = await http.GetDocumentAsync(address, port, "logs.json", timeout, limits.MaxJsonBytes, token).ConfigureAwait(false);
        var reading = DeviceLogs.Read(logsBytes, limits.MaxLogEntries);
        KeepDocument(work.Hostname, "logs.json", logsBytes);
        return (info, settings, reading);
    }

    /// <summary>Decides and records which tracks the device owes, and where it goes next.</summary>
    private StageOutcome Plan(DeviceWork work, IReadOnlyList<DeviceLog> logs, DeviceSettings settings)
    {
        var logger = log.For(work.DeviceId);
        var ledger = ledgers.Load(work.Hostname, out string? ledgerProblem);
        if (ledgerProblem is not null)
        {
            LedgerUnreadable(logger, work.Hostname, ledgerProblem);
        }

        var plan = planner.Plan(work.DeviceId, logs, settings, fleet.Roster, ledger);
        if (plan.LedgerChanged || !ledgers.Exists(work.Hostname))
        {
            ledgers.Save(work.Hostname, ledger); // {} for a device with no track of the event: its four files are there
        }

        LedgerSummary.Publish(fleet, work.DeviceId, ledger);
        ReportPlan(work, plan, ledger);

        if (plan.Downloads.Tracks.Count > 0)
        {
            reporter.TracksToDownload(work, plan.Downloads.Tracks.Count);
            return new DownloadsNeeded(work, plan.Downloads);
        }

        if (plan.Downloads.Refusals.Count > 0)
        {
            return reporter.Failed(work, plan.Downloads.Refusals[0], _ => $"{plan.Downloads.Refusals.Count} track(s) failed");
        }

        NothingToDownload(logger, work.Hostname);
        return reporter.CanBeDisconnected(work);
    }

    private void ReportMetadata(DeviceWork work, DeviceInfo info, DeviceSettings settings)
    {
        var logger = log.For(work.DeviceId);
        var warnings = MetadataChecks.Check(info, settings, options);
        fleet.SetMetadata(work.DeviceId, info.BatteryLevel, info.StorageLevel,
            info.FirmwareName is null ? null : LogText.Escape(info.FirmwareName),
            info.Username is null ? null : LogText.Escape(info.Username),
            warnings);
        if (info.BatteryLevel is { } battery)
        {
            BatteryLevel(logger, battery < options.Thresholds.Battery ? LogLevel.Warning : LogLevel.Information, work.Hostname, battery);
        }

        foreach (var warning in warnings.Where(w => !w.StartsWith("battery", StringComparison.Ordinal)))
        {
            MetadataWarning(logger, work.Hostname, warning);
        }
    }

    /// <summary>How many refused (or dropped) logs.json entries are named one by one before the rest are counted.</summary>
    internal const int NamedRefusals = 3;

    private readonly RefusalReports _refusals = new(fleet);

    /// <summary>
    /// Values the device sent that cannot be right: each refused on its own, with the device, the entry and the reason.
    /// Said once per visit: a retry that reads the same values again says nothing new. Of a logs.json, the first
    /// <see cref="NamedRefusals"/> entries are named and the rest counted (a device once sent 10,000).
    /// </summary>
    private void ReportRefused(DeviceWork work, DeviceInfo info, DeviceSettings settings, DeviceLogsReading reading)
    {
        string fingerprint = string.Join('\n', info.Refused.Concat(settings.Refused)
            .Concat(reading.Refused.Concat(reading.Dropped).Select(e => $"{e.Index} {e.File} {e.Reason}")));
        if (fingerprint.Length == 0 || !_refusals.IsNew(work.DeviceId, fingerprint))
        {
            return;
        }

        var logger = log.For(work.DeviceId);
        foreach (string value in info.Refused)
        {
            ValueRefused(logger, work.Hostname, "info.json", LogText.Escape(value));
        }

        foreach (string value in settings.Refused)
        {
            ValueRefused(logger, work.Hostname, "settings.json", LogText.Escape(value));
        }

        foreach (var entry in reading.Refused.Take(NamedRefusals))
        {
            LogEntryRefused(logger, work.Hostname, entry.Index, EntryFile(entry), LogText.Escape(entry.Reason));
        }

        if (reading.Refused.Count > NamedRefusals)
        {
            MoreLogEntriesRefused(logger, work.Hostname, reading.Refused.Count - NamedRefusals);
        }

        foreach (var entry in reading.Dropped.Take(NamedRefusals))
        {
            FigureDropped(logger, work.Hostname, entry.Index, EntryFile(entry), LogText.Escape(entry.Reason));
        }

        if (reading.Dropped.Count > NamedRefusals)
        {
            MoreFiguresDropped(logger, work.Hostname, reading.Dropped.Count - NamedRefusals);
        }
    }

    private static string EntryFile(RefusedLogEntry entry) => entry.File is null ? "" : $" ({LogText.Escape(entry.File)})";

    private void ReportPlan(DeviceWork work, TrackPlan plan, DeviceLedger ledger)
    {
        var logger = log.For(work.DeviceId);
        foreach (var (file, reason) in plan.RefusedPaths)
        {
            PathRefused(logger, work.Hostname, LogText.Escape(file), reason);
        }

        foreach (var (from, to) in plan.Renamed)
        {
            Renamed(logger, work.Hostname, from, to);
        }

        foreach (var name in plan.Adopted)
        {
            var entry = ledger.Find(name)!;
            string verdict = entry.Verification is { IsDamaged: true } damaged
                ? $", damaged: {LogText.Escape(string.Join("; ", damaged.Defects))}"
                : entry.Verification is null ? string.Empty : ", verified";
            AlreadyPresent(logger, work.Hostname, name, TrackFigures.Summary(entry.Size, entry.Duration, entry.Distance, entry.Best500m) + verdict);
        }

        foreach (var track in plan.NewlySkipped)
        {
            var log = track.Log;
            Skipped(logger, work.Hostname, track.FileName, TrackFigures.Summary(log.Size, log.Duration, log.Distance, log.Best500m));
        }

        foreach (var track in plan.Downloads.Tracks)
        {
            var log = track.Log;
            Queued(logger, work.Hostname, track.FileName, TrackFigures.Summary(log.Size, log.Duration, log.Distance, log.Best500m));
        }

        foreach (var refusal in plan.Downloads.Refusals)
        {
            TrackRefused(logger, work.Hostname, refusal);
        }
    }

    private DeviceFailed Fail(DeviceWork work, string reason) => reporter.InspectionFailed(work, reason);
}
