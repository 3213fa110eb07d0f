using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Logging;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks.Results;
using MotionServer.Pipeline.Tracks.Verification;
using MotionServer.Pipeline.Tracks;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Download;

/// <summary>
/// Download, the third activity: one worker downloads all of one device's owed tracks in turn. The ledger says
/// <c>completed</c> only after the file is at its final name; the device is completed — "can be disconnected" —
/// only when it owes nothing. A failed track is marked failed in the ledger and the device failed and retried; a device
/// that stops answering and no longer accepts connections has left: disconnected (<see cref="DeparturePolicy"/>).
/// A completed track's results go to its ledger entry, a suspect one is said in the log, and its day is handed to
/// <paramref name="dayChanged"/> (the results stage, which rebuilds the day's results away from this worker).
/// </summary>
internal sealed partial class DownloadStage(
    TrackDownloader downloader,
    LedgerStore ledgers,
    FleetState fleet,
    StatusReporter reporter,
    DeparturePolicy departures,
    MotionServerOptions options,
    PipelineLifetime lifetime,
    DiskSpaceGate diskSpace,
    TimeProvider time,
    FleetLog log,
    ITrackResultsSource? results = null,
    Action<DateOnly>? dayChanged = null) : IDeviceStage<DownloadsNeeded>
{
    private readonly VerifyingDownloader _verifyingDownloader = new(downloader, results ?? StreamingTrackResultsSource.Default);

    public string Name => "download";

    public async Task<StageOutcome> RunAsync(DownloadsNeeded input)
    {
        var work = input.Work;
        if (work.Address is null)
        {
            return new DeviceAbandoned(work); // cannot happen: a device reaches download only once found
        }

        try
        {
            return await DownloadAllAsync(work, work.Address, input.Plan).ConfigureAwait(false);
        }
        finally
        {
            fleet.SetTransfer(work.DeviceId, null);
        }
    }

    public Task<StageOutcome> FailedAsync(DeviceWork work, StageError error) =>
        Task.FromResult<StageOutcome>(error.Kind == StageErrorKind.EventFolder
            ? Fail(work, 1, $"cannot update the ledger: {error.Reason}")
            : Fail(work, 1, error.Reason));

    private async Task<StageOutcome> DownloadAllAsync(DeviceWork work, System.Net.IPAddress address, DownloadPlan plan)
    {
        var logger = log.For(work.DeviceId);
        fleet.MarkDownloading(work.DeviceId);
        var ledger = ledgers.Load(work.Hostname, out _);
        var visit = new DownloadVisit(plan);
        var transfer = new VisitTransfer(time, plan.Tracks.Sum(t => t.Log.Size));
        foreach (var track in plan.Tracks)
        {
            var end = await FetchAsync(work, address, track, ledger, transfer, logger).ConfigureAwait(false);
            if (visit.Apply(end) is var step and not VisitStep.Continue)
            {
                return await EndAsync(work, address, visit, step).ConfigureAwait(false);
            }
        }

        return await EndAsync(work, address, visit, visit.Finish()).ConfigureAwait(false);
    }

    /// <summary>Waits for disk space, fetches one track and records how it ended.</summary>
    private async Task<TrackEnd> FetchAsync(DeviceWork work, System.Net.IPAddress address, PlannedTrack track, DeviceLedger ledger, VisitTransfer transfer, ILogger logger)
    {
        if (lifetime.IsStopping)
        {
            return new TrackEnd.Abandoned(); // do not start another track while stopping
        }

        long before = time.GetTimestamp();
        if (!await diskSpace.WaitForRoomAsync(track.Log.Size, lifetime.Stopping).ConfigureAwait(false))
        {
            return new TrackEnd.Abandoned(); // stopping while the disk was full: still owed, fetched next run
        }

        if (time.GetElapsedTime(before) >= TransferRateMeter.SampleInterval)
        {
            transfer.Restart();
        }

        var counter = transfer.Start();
        var result = await DownloadOneAsync(work, address, track, counter).ConfigureAwait(false);
        transfer.Ended(counter, track.Log.Size);
        return result switch
        {
            TransferResult.Completed completed => RecordCompleted(work, track, completed, ledger, logger),
            TransferResult.DamagedKept kept => RecordKept(work, track, kept, ledger, logger),
            TransferResult.Failed failure => RecordFailed(work, track, ledger, LogText.Escape(failure.Reason), failure.DeviceUnreachable),
            _ => new TrackEnd.Abandoned(), // cancelled: the ledger still says queued/failed, fetched next run
        };
    }

    private async Task<StageOutcome> EndAsync(DeviceWork work, System.Net.IPAddress address, DownloadVisit visit, VisitStep step)
    {
        switch (step)
        {
            case VisitStep.Done:
                return reporter.CanBeDisconnected(work);

            case VisitStep.Fail:
                return Fail(work, visit.Failed, visit.FirstFailure!);

            case VisitStep.AskIfStillThere:
                // It stopped answering: asking for the next tracks would only wait out more timeouts. Gone from the
                // network (walked out of WiFi range) it is disconnected, not failed, as in inspection; the tracks it
                // still owes are fetched when it returns. Still accepting connections, it is failed.
                return await departures.IsStillThereAsync(address, lifetime.Abandon).ConfigureAwait(false)
                    ? Fail(work, visit.Failed, visit.FirstFailure!)
                    : reporter.Left(work, Name, visit.LastFailure!);

            default:
                return new DeviceAbandoned(work);
        }
    }

    private TrackEnd RecordCompleted(DeviceWork work, PlannedTrack track, TransferResult.Completed completed, DeviceLedger ledger, ILogger logger)
    {
        if (TrySave(work, ledger, track, LedgerStatus.Completed, error: null, completed.Verdict, completed.Results) is { } unsaved)
        {
            // On disk at its final name, but not recorded: a failed attempt, with its line and the true reason. The
            // file stays (a downloaded track is never deleted); the next inspection adopts it.
            reporter.TrackFailed(work, track.FileName, unsaved);
            return new TrackEnd.Unsaved(unsaved);
        }

        Landed(work, track, completed, ledger, logger);
        return new TrackEnd.Landed();
    }

    /// <summary>
    /// A damaged copy fetched once only: kept at its final name with its verdict, but recorded failed, so it stays owed
    /// (inspection does not adopt it) and the next visit fetches it again. Never said to be fetched twice.
    /// </summary>
    private TrackEnd RecordKept(DeviceWork work, PlannedTrack track, TransferResult.DamagedKept kept, DeviceLedger ledger, ILogger logger)
    {
        Damaged(logger, work.Hostname, track.FileName, LogText.Escape(kept.Verdict.DefectText), "kept, fetched again at the next visit");
        if (kept.Refetch is TransferResult.Failed failure)
        {
            string reason = LogText.Escape($"damaged, and fetching it again failed: {failure.Reason}");
            return RecordFailed(work, track, ledger, reason, failure.DeviceUnreachable, kept.Verdict);
        }

        // The server stops: no failed line (nothing failed), but recorded owed all the same.
        const string Stopped = "damaged, and the server stopped before fetching it again";
        return TrySave(work, ledger, track, LedgerStatus.Failed, Stopped, kept.Verdict) is { } unsaved
            ? new TrackEnd.Unsaved(unsaved)
            : new TrackEnd.Abandoned();
    }

    /// <summary>A failed attempt: its line, the entry failed (with the verdict of a copy kept on disk, if any).</summary>
    private TrackEnd RecordFailed(DeviceWork work, PlannedTrack track, DeviceLedger ledger, string reason, bool deviceUnreachable, TrackVerdict? kept = null)
    {
        reporter.TrackFailed(work, track.FileName, reason);
        if (TrySave(work, ledger, track, LedgerStatus.Failed, reason, kept) is { } unsaved)
        {
            return new TrackEnd.Unsaved($"{reason}; {unsaved}");
        }

        LedgerSummary.Publish(fleet, work.DeviceId, ledger);
        return new TrackEnd.Failed(reason, deviceUnreachable);
    }

    private async Task<TransferResult> DownloadOneAsync(DeviceWork work, System.Net.IPAddress address, PlannedTrack track, TransferCounter transfer)
    {
        long size = track.Log.Size;
        fleet.SetTransfer(work.DeviceId, transfer.Progress(track.FileName, 0, size));
        var uri = DeviceHttpClient.DeviceUri(address, options.Network.Port, DevicePath.ToRequestTarget(track.Log.File));
        try
        {
            return await _verifyingDownloader.DownloadAsync(
                uri,
                track,
                received => fleet.SetTransfer(work.DeviceId, transfer.Progress(track.FileName, received, size)),
                lifetime.Abandon).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The date folder could not be created (a file in its way, no permission, no space): this track's attempt
            // failed, before the device was asked. Every other disk failure is a result of the downloaders.
            return new TransferResult.Failed($"cannot create the folder {Path.GetDirectoryName(track.FinalPath)}: {e.Message}", DeviceUnreachable: false);
        }
    }

    /// <summary>
    /// A track is on disk and recorded: its line, the counts, what verification noted, a damaged or suspect track's
    /// warning, then its day goes to the results stage.
    /// </summary>
    private void Landed(DeviceWork work, PlannedTrack track, TransferResult.Completed completed, DeviceLedger ledger, ILogger logger)
    {
        reporter.Downloaded(work, track.FileName, Summary(track, completed.Verdict), ledger);
        if (completed.Verdict is { Notes.Count: > 0 } checkedTrack)
        {
            VerificationNotes(logger, work.Hostname, track.FileName, LogText.Escape(string.Join("; ", checkedTrack.Notes)));
        }

        if (completed.Verdict is { IsValid: false } verdict)
        {
            Damaged(logger, work.Hostname, track.FileName, LogText.Escape(verdict.DefectText), completed.Refetched ? "fetched twice, kept" : "kept");
        }

        if (completed.Results is { IsSuspect: true } suspect)
        {
            Suspect(logger, work.Hostname, track.FileName, LogText.Escape(SuspectText(suspect)));
        }

        dayChanged?.Invoke(DateOnly.FromDateTime(track.Name.LocalStart));
    }

    /// <summary>The reasons of a suspect track, as its warning says them: one sentence each, <c> | </c> between two.</summary>
    internal static string SuspectText(TrackResults results) => string.Join(" | ", results.Reasons.Select(r => r.Text));

    /// <summary>Records the track's new status; returns why the ledger could not be written, or null.</summary>
    private string? TrySave(
        DeviceWork work, DeviceLedger ledger, PlannedTrack track, LedgerStatus status, string? error, TrackVerdict? verdict = null, TrackResults? results = null)
    {
        SetStatus(ledger, track, status, error, verdict, results);
        try
        {
            ledgers.Save(work.Hostname, ledger);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LogText.Escape($"cannot update the ledger {work.Hostname}/downloads.json: {e.Message}");
        }
    }

    private static void SetStatus(DeviceLedger ledger, PlannedTrack track, LedgerStatus status, string? error, TrackVerdict? verdict, TrackResults? results)
    {
        var entry = ledger.Find(track.FileName);
        if (entry is null)
        {
            return; // cannot happen: inspection wrote it; never invent an entry here
        }

        ledger.Set(track.FileName, entry with
        {
            Status = status,
            Error = error,
            Size = track.Log.Size,
            Verification = verdict is null ? entry.Verification : LedgerVerification.From(verdict),
            Results = results is null ? entry.Results : LedgerResults.From(results),
        });
    }

    private DeviceFailed Fail(DeviceWork work, int failedTracks, string reason) =>
        reporter.Failed(work, reason, _ => $"{failedTracks} track(s) failed");

    /// <summary>
    /// The contract's words with the figures verified from the frames, then the 2 s and 10 s bests and the verdict:
    /// <c>0.9 MiB, 5.9 hours, 25.2 km, 14.8 knots (500m), 2s 15.1 / 10s 14.9 knots, verified</c>.
    /// </summary>
    private static string Summary(PlannedTrack track, TrackVerdict? verdict)
    {
        if (verdict is null)
        {
            return TrackFigures.Summary(track.Log.Size, track.Log.Duration, track.Log.Distance, track.Log.Best500m);
        }

        var s = verdict.Summary;
        return TrackFigures.Summary(track.Log.Size, s.Duration, s.Distance, s.Best500m)
            + TrackFigures.ShortBests(s.Best2s, s.Best10s)
            + (verdict.IsValid ? ", verified" : ", damaged");
    }
}
