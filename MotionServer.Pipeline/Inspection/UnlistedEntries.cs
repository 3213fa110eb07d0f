using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// Owed ledger entries that this logs.json did not produce. Still listed by the device but no longer the event's
/// (the roster changed): the entry goes, as for any track that is not the event's. No longer listed at all (the
/// device's logs were deleted): the track can never be fetched, and the device must not be reported "can be
/// disconnected" as if nothing were missing — it stays owed, refused, so the staff are told.
/// </summary>
internal static class UnlistedEntries
{
    public static IReadOnlyList<UnlistedEntry> Settle(IReadOnlyDictionary<string, LedgerEntry> ledger, IReadOnlyList<DeviceLog> logs, IReadOnlyList<TrackDecision> tracks)
    {
        var produced = tracks.Select(t => t.Track.FileName)
            .Concat(tracks.Select(t => t.Rename?.From).OfType<string>()) // a renamed entry moves: it is not left behind
            .ToHashSet(StringComparer.Ordinal);
        var listed = logs.Select(l => l.File).ToHashSet(StringComparer.Ordinal);
        var settled = new List<UnlistedEntry>();
        foreach (var (fileName, entry) in ledger)
        {
            if (!produced.Contains(fileName) && Settle(fileName, entry, listed) is { } unlisted)
            {
                settled.Add(unlisted);
            }
        }

        return settled;
    }

    private static UnlistedEntry? Settle(string fileName, LedgerEntry entry, HashSet<string> listed)
    {
        if (entry.Status == LedgerStatus.Skipped && listed.Contains(entry.MotionFile))
        {
            return new(fileName, entry, null, null); // a skipped track now named otherwise (File ID corrected), or no longer the event's
        }

        if (entry.Status is not (LedgerStatus.Queued or LedgerStatus.Failed))
        {
            return null;
        }

        if (listed.Contains(entry.MotionFile))
        {
            return new(fileName, entry, null, null);
        }

        string reason = $"{fileName} is no longer listed by the device (its logs were deleted?)";
        return new(fileName, entry, entry with { Status = LedgerStatus.Failed, Error = reason }, reason);
    }
}
