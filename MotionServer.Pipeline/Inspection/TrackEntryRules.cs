using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// The ledger entry one of the event's logs is to have, from what the ledger records for it and what is on disk:
/// completed and intact stays; complete on disk is completed from the file, unless it is a damaged copy still owed its
/// second fetch; too slow is skipped; anything else is owed.
/// </summary>
internal static class TrackEntryRules
{
    /// <param name="track">The log and its local name.</param>
    /// <param name="recorded">What the ledger records for the name.</param>
    /// <param name="onDisk">The length of the file at the name, null when there is none.</param>
    /// <param name="minBest500m">The speed filter, in mm/s.</param>
    /// <param name="fromDisk">True when the entry is completed from the file on disk (to be verified when applied).</param>
    public static LedgerEntry Decide(PlannedTrack track, LedgerEntry? recorded, long? onDisk, double minBest500m, out bool fromDisk)
    {
        fromDisk = false;
        var log = track.Log;
        if (recorded is { Status: LedgerStatus.Completed } && recorded.Size == log.Size && onDisk == log.Size)
        {
            // Unchanged and intact. Keep the entry as it is (it may carry an older absolute local_file).
            return recorded;
        }

        var fresh = Fresh(track);
        if (onDisk == log.Size && recorded is { Status: LedgerStatus.Failed, Verification.IsDamaged: true } && recorded.Size == log.Size)
        {
            // A damaged copy kept while its refetch did not happen: owed until it has been fetched twice (the download
            // replaces it only with a better copy). Adopting it would record it completed without that second fetch.
            return fresh with { Status = LedgerStatus.Failed, Error = recorded.Error, Verification = recorded.Verification };
        }

        if (onDisk == log.Size)
        {
            // Complete on disk but not (or no longer) in the ledger, e.g. a ledger lost or rebuilt: adopt it.
            fromDisk = true;
            return fresh with { Status = LedgerStatus.Completed };
        }

        bool wasCompleted = recorded?.Status == LedgerStatus.Completed;
        if (!wasCompleted && log.Best500m < minBest500m)
        {
            return recorded is { Status: LedgerStatus.Skipped } && recorded.Size == log.Size ? recorded : fresh with { Status = LedgerStatus.Skipped };
        }

        // Owed: new, queued, failed before, or completed but now announced with another size (one log per day
        // appends to the day's file), or completed but the file is missing or of the wrong length.
        if (recorded is { Status: LedgerStatus.Failed })
        {
            return fresh with { Status = LedgerStatus.Failed, Error = recorded.Error };
        }

        return recorded is { Status: LedgerStatus.Queued } && recorded with { LocalFile = fresh.LocalFile } == fresh with { Status = LedgerStatus.Queued }
            ? recorded
            : fresh with { Status = LedgerStatus.Queued };
    }

    private static LedgerEntry Fresh(PlannedTrack track)
    {
        var log = track.Log;
        return new LedgerEntry
        {
            MotionFile = log.File,
            LocalFile = EventFolder.RelativeTrackPath(track.Name),
            Figures = log.Figures,
        };
    }
}
