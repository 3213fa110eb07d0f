using MotionServer.Pipeline.Notices;

namespace MotionServer.Pipeline.State;

/// <summary>
/// The read model: immutable snapshots of the fleet for the dashboards, status.json and embedders. Reads the
/// <see cref="FleetBook"/> under <see cref="FleetState"/>'s lock, and never changes it.
/// </summary>
internal sealed class FleetReadModel(TimeProvider time, string eventDirectory, RecentEvents events, INoticeBoard? notices)
{
    /// <summary>The whole fleet: devices in history order (most recent connection first), then the others in roster order.</summary>
    public FleetSnapshot Fleet(FleetBook book)
    {
        var localToday = LocalToday();
        var ordered = new List<MotionSnapshot>(book.Devices.Count);
        var seen = new HashSet<int>();
        foreach (int id in book.History.Concat(book.Roster.DeviceIds))
        {
            if (book.Find(id) is { } d && seen.Add(id))
            {
                ordered.Add(Motion(d, book, localToday));
            }
        }

        return new FleetSnapshot
        {
            Generated = time.GetUtcNow(),
            Running = book.Running,
            Motions = ordered,
            RosterProblems = book.RosterProblems,
            RecentEvents = events.ToArray(),
            EventDirectory = eventDirectory,
            Notices = notices?.Current ?? [],
            StillOut = StillOut(book, localToday),
            Roster = book.Roster,
        };
    }

    /// <summary>One device, or null when it is not on the roster.</summary>
    public MotionSnapshot? Motion(FleetBook book, int id) => book.Find(id) is { } d ? Motion(d, book, LocalToday()) : null;

    /// <summary>Host names of the devices flagged as needing attention now, sorted.</summary>
    public static string[] HostnamesNeedingAttention(FleetBook book) =>
        [.. book.Devices.Where(d => !string.IsNullOrEmpty(d.Attention)).Select(d => d.Hostname).Order(StringComparer.Ordinal)];

    private DateOnly LocalToday() => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>Today's roster devices not seen on the network today (local dates), in roster order.</summary>
    private List<int> StillOut(FleetBook book, DateOnly localToday)
    {
        var zone = time.LocalTimeZone;
        var stillOut = new List<int>();
        foreach (int id in book.Roster.DeviceIds)
        {
            if (book.Roster.Find(id, localToday) is null)
            {
                continue;
            }

            var lastSeen = book.Find(id)?.LastSeen;
            if (lastSeen is not { } seen || DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(seen, zone).DateTime) != localToday)
            {
                stillOut.Add(id);
            }
        }

        return stillOut;
    }

    private static MotionSnapshot Motion(DeviceState d, FleetBook book, DateOnly localToday)
    {
        var rows = book.Roster.EntriesFor(d.Id);
        var competitor = rows.FirstOrDefault(r => r.Covers(localToday)) ?? rows.LastOrDefault(r => r.StartDate <= localToday) ?? (rows.Count > 0 ? rows[0] : null);
        return new MotionSnapshot
        {
            Id = d.Id,
            Hostname = d.Hostname,
            Status = d.Status,
            Since = d.Since,
            LastSeen = d.LastSeen,
            LastCompleted = d.LastCompleted,
            Address = d.Address?.ToString(),
            Battery = d.Battery,
            Storage = d.Storage,
            Firmware = d.Firmware,
            Username = d.Username,
            Competitor = competitor?.CompetitorName,
            Warnings = d.Warnings,
            Tracks = d.Transfer is null || d.Tracks.Queued == 0
                ? d.Tracks
                : d.Tracks with { Queued = d.Tracks.Queued - 1, Downloading = d.Tracks.Downloading + 1 },
            BytesDownloaded = d.BytesDownloaded,
            Transfer = d.Transfer,
            Attention = d.Attention,
            LastError = d.LastError,
            FailedAttempts = d.FailedAttempts,
            TrackList = d.TrackList,
        };
    }
}
