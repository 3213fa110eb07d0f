using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks.Results;
using MotionServer.Pipeline.Tracks.Verification;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// Decides, from a device's logs.json, the roster and its ledger, which tracks are the event's, which are
/// skipped by the speed filter and which must be fetched — and records the decisions in the ledger.
/// Pure apart from asking the length of files already on disk.
/// </summary>
internal sealed class TrackPlanner(MotionServerOptions options, EventFolder folder, ITrackResultsSource? results = null)
{
    private readonly double _minBest500m = TrackFigures.KnotsToMillimetresPerSecond(options.Filters.Min500mBestKnots);

    public TrackPlan Plan(int deviceId, IReadOnlyList<DeviceLog> logs, DeviceSettings settings, MotionRoster roster, DeviceLedger ledger)
    {
        var downloads = new List<PlannedTrack>();
        var failedBefore = new HashSet<string>(StringComparer.Ordinal);
        var skipped = new List<PlannedTrack>();
        var adopted = new List<string>();
        var refusedPaths = new List<(string, string)>();
        var refusals = new List<string>();
        var renamed = new List<(string From, string To)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool changed = false;
        int fallbackTimezone = settings.Timezone ?? options.Expected.Timezone;

        var eligible = new List<(DeviceLog Log, TrackName Name)>();
        var listedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var log in logs)
        {
            if (DevicePath.Check(log.File) is { } unsafePath)
            {
                refusedPaths.Add((log.File, unsafePath));
                continue;
            }

            if (!DevicePath.IsTrack(log.File) || !listedPaths.Add(log.File))
            {
                continue; // not an OAO track: never the event's; or the same log listed twice: planned once
            }

            var localStart = TrackName.LocalStartOf(log.StartDate, log.Timezone ?? fallbackTimezone);
            if (roster.Find(deviceId, DateOnly.FromDateTime(localStart)) is not { } row)
            {
                continue; // outside every roster row: not the event's, no ledger entry
            }

            eligible.Add((log, TrackName.Create(row.FileId, deviceId, localStart)));
        }

        var named = SameSecondNames.Resolve(eligible, ledger).ToList();
        var renamer = new TrackRenamer(folder, named.Select(n => n.Name.FileName));
        foreach (var (log, name) in named)
        {
            seen.Add(name.FileName);
            var planned = new PlannedTrack(name, log, folder.TrackFile(name));
            if (renamer.RenameIfCorrected(ledger, log, name) is { } renamedFrom)
            {
                renamed.Add((renamedFrom, name.FileName));
                changed = true;
            }

            var existing = ledger.Find(name.FileName);
            var decided = Decide(planned, existing, out bool adoptedFile);
            if (adoptedFile)
            {
                adopted.Add(name.FileName);
            }

            if (decided != existing)
            {
                ledger.Set(name.FileName, decided);
                changed = true;
                if (decided.Status == LedgerStatus.Skipped)
                {
                    skipped.Add(planned);
                }
            }

            if (decided.Status is LedgerStatus.Queued or LedgerStatus.Failed)
            {
                if (log.Size > options.Limits.MaxTrackBytes)
                {
                    refusals.Add($"{name.FileName} is announced as {log.Size} bytes, more than Limits:MaxTrackBytes ({options.Limits.MaxTrackBytes})");
                    var refused = decided with { Status = LedgerStatus.Failed, Error = refusals[^1] };
                    if (refused != decided)
                    {
                        ledger.Set(name.FileName, refused);
                        changed = true;
                    }
                }
                else
                {
                    downloads.Add(planned);
                    if (decided.Status == LedgerStatus.Failed)
                    {
                        failedBefore.Add(planned.FileName);
                    }
                }
            }
        }

        changed |= SettleUnlisted(ledger, logs, seen, refusals);

        // Newest first (today's sessions matter most), but tracks whose last attempt failed go last: a broken transfer
        // usually ends the device's turn (it looks gone), so a track that keeps breaking must not hold back the others.
        downloads.Sort((a, b) =>
            failedBefore.Contains(a.FileName) != failedBefore.Contains(b.FileName)
                ? failedBefore.Contains(a.FileName) ? 1 : -1
                : b.Log.StartDate.CompareTo(a.Log.StartDate));
        return new TrackPlan(new DownloadPlan(downloads, refusals), skipped, adopted, refusedPaths, changed) { Renamed = renamed };
    }

    /// <summary>
    /// Owed ledger entries that this logs.json did not produce. Still listed by the device but no longer the event's
    /// (the roster changed): the entry goes, as for any track that is not the event's. No longer listed at all (the
    /// device's logs were deleted): the track can never be fetched, and the device must not be reported "can be
    /// disconnected" as if nothing were missing — it stays owed, refused, so the staff are told.
    /// </summary>
    private static bool SettleUnlisted(DeviceLedger ledger, IReadOnlyList<DeviceLog> logs, HashSet<string> seen, List<string> refusals)
    {
        bool changed = false;
        var listed = logs.Select(l => l.File).ToHashSet(StringComparer.Ordinal);
        foreach (var (fileName, entry) in ledger.Entries.ToArray())
        {
            if (entry.Status == LedgerStatus.Skipped && !seen.Contains(fileName) && listed.Contains(entry.MotionFile))
            {
                ledger.Remove(fileName); // a skipped track now named otherwise (File ID corrected), or no longer the event's
                changed = true;
                continue;
            }

            if (entry.Status is not (LedgerStatus.Queued or LedgerStatus.Failed) || seen.Contains(fileName))
            {
                continue;
            }

            if (listed.Contains(entry.MotionFile))
            {
                ledger.Remove(fileName);
                changed = true;
                continue;
            }

            string reason = $"{fileName} is no longer listed by the device (its logs were deleted?)";
            refusals.Add(reason);
            if (entry.Status != LedgerStatus.Failed || entry.Error != reason)
            {
                ledger.Set(fileName, entry with { Status = LedgerStatus.Failed, Error = reason });
                changed = true;
            }
        }

        return changed;
    }

    private LedgerEntry Decide(PlannedTrack track, LedgerEntry? existing, out bool adopted)
    {
        adopted = false;
        var log = track.Log;
        var fresh = new LedgerEntry
        {
            MotionFile = log.File,
            LocalFile = EventFolder.RelativeTrackPath(track.Name),
            Size = log.Size,
            StartDate = log.StartDate,
            EndDate = log.EndDate,
            Duration = log.Duration,
            Distance = log.Distance,
            Best2s = log.Best2s,
            Best10s = log.Best10s,
            Best500m = log.Best500m,
        };

        long? onDisk = LengthOnDisk(track.FinalPath);
        if (existing is { Status: LedgerStatus.Completed } && existing.Size == log.Size && onDisk == log.Size)
        {
            // Unchanged and intact. Keep the entry as it is (it may carry an older absolute local_file).
            return existing;
        }

        if (onDisk == log.Size)
        {
            // Complete on disk but not (or no longer) in the ledger, e.g. a ledger lost or rebuilt: adopt it, verified
            // like a download (a file of the right length may still be a damaged copy).
            adopted = existing?.Status != LedgerStatus.Completed;
            return Adopt(fresh, track.FinalPath, log);
        }

        bool wasCompleted = existing?.Status == LedgerStatus.Completed;
        if (!wasCompleted && log.Best500m < _minBest500m)
        {
            return existing is { Status: LedgerStatus.Skipped } && existing.Size == log.Size ? existing : fresh with { Status = LedgerStatus.Skipped };
        }

        // Owed: new, queued, failed before, or completed but now announced with another size (one log per day
        // appends to the day's file), or completed but the file is missing or of the wrong length.
        if (existing is { Status: LedgerStatus.Failed })
        {
            return fresh with { Status = LedgerStatus.Failed, Error = existing.Error };
        }

        return existing is { Status: LedgerStatus.Queued } && existing with { LocalFile = fresh.LocalFile } == fresh with { Status = LedgerStatus.Queued }
            ? existing
            : fresh with { Status = LedgerStatus.Queued };
    }

    /// <summary>A file complete on disk, completed in the ledger with its verdict and results, as a download would be.</summary>
    private LedgerEntry Adopt(LedgerEntry fresh, string path, DeviceLog log)
    {
        var found = (results ?? StreamingTrackResultsSource.Instance).Check(path, TrackClaims.From(log));
        return fresh with
        {
            Status = LedgerStatus.Completed,
            Verification = LedgerVerification.From(found.Verdict),
            Results = LedgerResults.From(found.Results),
        };
    }

    private static long? LengthOnDisk(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? info.Length : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
