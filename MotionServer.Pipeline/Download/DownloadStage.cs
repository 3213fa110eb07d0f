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
        string? firstFailure = plan.Refusals.Count > 0 ? plan.Refusals[0] : null;
        int failed = plan.Refusals.Count;
        var meter = new TransferRateMeter(time);
        long owed = plan.Tracks.Sum(t => t.Log.Size);
        long received = 0; // over every track of this visit, so the rate carries from one track to the next

        for (int index = 0; index < plan.Tracks.Count; index++)
        {
            var track = plan.Tracks[index];
            if (lifetime.IsStopping)
            {
                return new DeviceAbandoned(work); // do not start another track while stopping
            }

            long before = time.GetTimestamp();
            if (!await diskSpace.WaitForRoomAsync(track.Log.Size, lifetime.Stopping).ConfigureAwait(false))
            {
                return new DeviceAbandoned(work); // stopping while the disk was full: still owed, fetched next run
            }

            if (time.GetElapsedTime(before) >= TransferRateMeter.SampleInterval)
            {
                // Paused for disk space: time spent waiting is not the device's pace; measure afresh.
                meter = new TransferRateMeter(time);
                received = 0;
            }

            var transfer = new TransferCounter(meter, received, owed);
            var result = await DownloadOneAsync(work, address, track, transfer).ConfigureAwait(false);
            received += transfer.LastReceived; // what really came, also when the track failed part-way
            owed -= track.Log.Size; // done, or failed: not asked for again in this visit
            if (result is TransferResult.Completed done && TrySave(work, ledger, track, LedgerStatus.Completed, error: null, done) is { } unsaved)
            {
                // On disk at its final name, but not recorded: a failed attempt, with its line and the true reason. The
                // file stays (a downloaded track is never deleted); the next inspection adopts it.
                reporter.TrackFailed(work, track.FileName, unsaved);
                return Fail(work, failed + 1, firstFailure ?? unsaved);
            }

            switch (result)
            {
                case TransferResult.Completed completed:
                    Landed(work, track, completed, ledger, logger);
                    break;

                case TransferResult.Cancelled:
                    return new DeviceAbandoned(work); // the ledger still says queued/failed: fetched next run

                case TransferResult.Failed failure:
                    string reason = LogText.Escape(failure.Reason);
                    reporter.TrackFailed(work, track.FileName, reason);
                    if (TrySave(work, ledger, track, LedgerStatus.Failed, reason) is { } alsoUnsaved)
                    {
                        return Fail(work, failed + 1, firstFailure ?? $"{reason}; {alsoUnsaved}");
                    }

                    LedgerSummary.Publish(fleet, work.DeviceId, ledger);
                    firstFailure ??= reason;
                    failed++;
                    if (failure.DeviceUnreachable)
                    {
                        // It stopped answering: asking for the next tracks would only wait out more timeouts. Gone from the
                        // network (walked out of WiFi range) it is disconnected, not failed, as in inspection; the tracks it
                        // still owes are fetched when it returns. Still accepting connections, it is failed.
                        return await departures.IsStillThereAsync(address, lifetime.Abandon).ConfigureAwait(false)
                            ? Fail(work, failed + (plan.Tracks.Count - index - 1), firstFailure)
                            : reporter.Left(work, Name, reason);
                    }

                    break;
            }
        }

        if (failed > 0)
        {
            return Fail(work, failed, firstFailure!);
        }

        return reporter.CanBeDisconnected(work);
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
    private string? TrySave(DeviceWork work, DeviceLedger ledger, PlannedTrack track, LedgerStatus status, string? error, TransferResult.Completed? completed = null)
    {
        SetStatus(ledger, track, status, error, completed);
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

    /// <summary>The rate and bytes owed of one track's transfer, within the device's visit.</summary>
    private sealed class TransferCounter(TransferRateMeter meter, long receivedBefore, long owedBefore)
    {
        /// <summary>Bytes of this track received so far.</summary>
        public long LastReceived { get; private set; }

        public TransferProgress Progress(string fileName, long received, long size)
        {
            LastReceived = received;
            return new(fileName, received, size)
            {
                BytesPerSecond = meter.Observe(receivedBefore + received),
                BytesOwed = owedBefore - received,
            };
        }
    }

    private static void SetStatus(DeviceLedger ledger, PlannedTrack track, LedgerStatus status, string? error, TransferResult.Completed? completed)
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
            Verification = completed?.Verdict is { } verdict ? LedgerVerification.From(verdict) : entry.Verification,
            Results = completed?.Results is { } results ? LedgerResults.From(results) : entry.Results,
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
