using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Storage;

/// <summary>Turns a device's ledger into what the fleet state shows: counts by status, bytes downloaded, the track list.</summary>
internal static class LedgerSummary
{
    /// <summary>The longest duration a <see cref="TimeSpan"/> made from milliseconds holds, with room to spare.</summary>
    private const long MaxDurationMilliseconds = (long.MaxValue / TimeSpan.TicksPerMillisecond) - 1;


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
                case LedgerStatus.Completed: completed++; bytes = TrackFigures.AddSaturating(bytes, entry.Size); break;
            }

            tracks.Add(ToSnapshot(fileName, entry, deviceId, roster));
        }

        tracks.Sort((a, b) => b.LocalStart.CompareTo(a.LocalStart));
        fleet.SetTracks(deviceId, new TrackCounts(queued, 0, completed, skipped, failed), bytes, tracks);
    }

    private static TrackSnapshot ToSnapshot(string fileName, LedgerEntry entry, int deviceId, MotionRoster roster)
    {
        // Never throws, whatever an older server wrote: the local start saturates, the duration is clamped.
        var localStart = TrackName.TryParse(fileName, out var name) ? name!.LocalStart : TrackName.LocalStartOf(entry.StartDate, 0);
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
            TimeSpan.FromMilliseconds(Math.Clamp(entry.Duration, 0, MaxDurationMilliseconds)),
            entry.Distance,
            entry.Best500m,
            row?.CompetitorName,
            entry.Error,
            entry.Status == LedgerStatus.Completed ? entry.Verification?.ToSnapshot() : null)
        {
            Results = entry.Status == LedgerStatus.Completed ? entry.Results?.ToResults() : null,
        };
    }
}
