using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Storage;

/// <summary>Turns a device's ledger into what the fleet state shows: counts by status, bytes downloaded, the track list.</summary>
internal static class LedgerSummary
{
    public static void Publish(FleetState fleet, int deviceId, DeviceLedger ledger)
    {
        int queued = 0, completed = 0, skipped = 0, failed = 0;
        long bytes = 0;
        var roster = fleet.Roster;
        var tracks = new List<TrackSnapshot>(ledger.Count);
        foreach (var (fileName, entry) in ledger.Entries)
        {
            switch (entry.Status)
            {
                case LedgerStatus.Queued: queued++; break;
                case LedgerStatus.Skipped: skipped++; break;
                case LedgerStatus.Failed: failed++; break;
                case LedgerStatus.Completed: completed++; bytes += entry.Size; break;
            }

            tracks.Add(ToSnapshot(fileName, entry, deviceId, roster));
        }

        tracks.Sort((a, b) => b.LocalStart.CompareTo(a.LocalStart));
        fleet.SetTracks(deviceId, new TrackCounts(queued, 0, completed, skipped, failed), bytes, tracks);
    }

    private static TrackSnapshot ToSnapshot(string fileName, LedgerEntry entry, int deviceId, MotionRoster roster)
    {
        var localStart = TrackName.TryParse(fileName, out var name) ? name!.LocalStart : DateTime.UnixEpoch.AddMilliseconds(entry.StartDate);
        var row = roster.Find(deviceId, DateOnly.FromDateTime(localStart));
        return new TrackSnapshot(
            fileName,
            entry.Status switch
            {
                LedgerStatus.Completed => "completed",
                LedgerStatus.Skipped => "skipped",
                LedgerStatus.Failed => "failed",
                _ => "queued",
            },
            entry.Size,
            localStart,
            TimeSpan.FromMilliseconds(Math.Max(0, entry.Duration)),
            entry.Distance,
            entry.Best500m,
            row?.CompetitorName,
            entry.Error,
            entry.Status == LedgerStatus.Completed ? entry.Verification : null);
    }
}
