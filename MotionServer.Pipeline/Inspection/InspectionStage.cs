using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Logging;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Stages;

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
    FailurePolicy failures,
    MotionServerOptions options,
    PipelineLifetime lifetime,
    ILogger logger)
{
    public async Task<StageOutcome> InspectAsync(StageOutcome input)
    {
        var work = input.Work;
        try
        {
            if (lifetime.IsStopping || input is not DeviceDetected detected)
            {
                return new DeviceAbandoned(work);
            }

            return await InspectAsync(work, detected.Address).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.Abandon.IsCancellationRequested)
        {
            return new DeviceAbandoned(work);
        }
        catch (DeviceAnswerException e) when (e.Unreachable && input is DeviceDetected at)
        {
            // No answer at all: a device that has left (WiFi lost mid-inspection) is disconnected, not failed — unless it
            // still accepts connections, and then it is there and not answering as it should.
            string reason = LogText.Escape(e.Message);
            return await failures.IsStillThereAsync(at.Address, lifetime.Abandon).ConfigureAwait(false)
                ? Fail(work, reason)
                : failures.Left(work, "inspection", reason);
        }
        catch (DeviceAnswerException e)
        {
            return Fail(work, LogText.Escape(e.Message));
        }
        catch (IOException e)
        {
            return Fail(work, $"cannot write to the event folder: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(work, $"cannot write to the event folder: {e.Message}");
        }
#pragma warning disable CA1031 // a stage never throws: an exception would fault the block and stop the fleet
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(work, $"unexpected {e.GetType().Name}: {LogText.Escape(e.Message)}");
        }
    }

    private async Task<StageOutcome> InspectAsync(DeviceWork work, System.Net.IPAddress address)
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
        var logs = reading.Logs;
        KeepDocument(work.Hostname, "logs.json", logsBytes);

        ReportMetadata(work, info, settings);
        ReportRefused(work, info, settings, reading);
        if (options.DryRun)
        {
            return ListForDryRun(work, logs, settings);
        }

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
            fleet.MarkPending(work.DeviceId);
            TracksToDownload(logger, work.Hostname, plan.Downloads.Tracks.Count);
            return new DownloadsNeeded(work, plan.Downloads);
        }

        if (plan.Downloads.Refusals.Count > 0)
        {
            return failures.Fail(work, plan.Downloads.Refusals[0], _ => $"{plan.Downloads.Refusals.Count} track(s) failed");
        }

        // Log lines come before the status change they report: whoever sees the new status finds its line in the log.
        NothingToDownload(logger, work.Hostname);
        CanBeDisconnected(logger, work.Hostname);
        fleet.MarkCompleted(work.DeviceId);
        return new DeviceDone(work);
    }

    private void ReportMetadata(DeviceWork work, DeviceInfo info, DeviceSettings settings)
    {
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

    /// <summary>Values the device sent that cannot be right: each refused on its own, with the device, the entry and the reason.</summary>
    private void ReportRefused(DeviceWork work, DeviceInfo info, DeviceSettings settings, DeviceLogsReading reading)
    {
        foreach (string value in info.Refused)
        {
            ValueRefused(logger, work.Hostname, "info.json", LogText.Escape(value));
        }

        foreach (string value in settings.Refused)
        {
            ValueRefused(logger, work.Hostname, "settings.json", LogText.Escape(value));
        }

        foreach (var entry in reading.Refused)
        {
            string file = entry.File is null ? "" : $" ({LogText.Escape(entry.File)})";
            LogEntryRefused(logger, work.Hostname, entry.Index, file, LogText.Escape(entry.Reason));
        }
    }

    private void ReportPlan(DeviceWork work, TrackPlan plan, DeviceLedger ledger)
    {
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

    private DeviceFailed Fail(DeviceWork work, string reason)
    {
        InspectionFailed(logger, work.Hostname, reason);
        return failures.Fail(work, reason, attempts => $"inspection failed {attempts} times");
    }

    [LoggerMessage(EventId = 200, Message = "{Hostname} battery level is {Battery}%")]
    private static partial void BatteryLevel(ILogger logger, LogLevel level, string hostname, int battery);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "{Hostname} {Warning}")]
    private static partial void MetadataWarning(ILogger logger, string hostname, string warning);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "{Hostname} {FileName} queued - {Summary}")]
    private static partial void Queued(ILogger logger, string hostname, string fileName, string summary);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "{Hostname} {FileName} skipped - {Summary}")]
    private static partial void Skipped(ILogger logger, string hostname, string fileName, string summary);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "{Hostname} {FileName} already present - {Summary}")]
    private static partial void AlreadyPresent(ILogger logger, string hostname, string fileName, string summary);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "{Hostname} has {Count} track(s) to download")]
    private static partial void TracksToDownload(ILogger logger, string hostname, int count);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "{Hostname} has no tracks to download")]
    private static partial void NothingToDownload(ILogger logger, string hostname);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information, Message = "{Hostname} can be disconnected")]
    internal static partial void CanBeDisconnected(ILogger logger, string hostname);

    [LoggerMessage(EventId = 208, Level = LogLevel.Error, Message = "{Hostname} inspection failed - {Reason}")]
    private static partial void InspectionFailed(ILogger logger, string hostname, string reason);

    [LoggerMessage(EventId = 209, Level = LogLevel.Error, Message = "{Hostname} {File} refused - {Reason}")]
    private static partial void PathRefused(ILogger logger, string hostname, string file, string reason);

    [LoggerMessage(EventId = 210, Level = LogLevel.Error, Message = "{Hostname} track refused - {Reason}")]
    private static partial void TrackRefused(ILogger logger, string hostname, string reason);

    [LoggerMessage(EventId = 212, Level = LogLevel.Warning, Message = "{Hostname} {Document} value refused - {Reason}")]
    private static partial void ValueRefused(ILogger logger, string hostname, string document, string reason);

    [LoggerMessage(EventId = 213, Level = LogLevel.Warning, Message = "{Hostname} logs.json entry {Index}{File} refused - {Reason}")]
    private static partial void LogEntryRefused(ILogger logger, string hostname, int index, string file, string reason);

    [LoggerMessage(EventId = 214, Level = LogLevel.Information, Message = "{Hostname} {FileName} renamed to {NewName} - the roster corrected its File ID")]
    private static partial void Renamed(ILogger logger, string hostname, string fileName, string newName);

    [LoggerMessage(EventId = 211, Level = LogLevel.Error, Message = "{Hostname} ledger problem - {Problem}")]
    private static partial void LedgerUnreadable(ILogger logger, string hostname, string problem);
}
