using MotionServer.Pipeline.Notices;

namespace MotionServer.Pipeline.State;

internal sealed partial class FleetState
{
    public FleetSnapshot GetSnapshot()
    {
        var localToday = DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        lock (_gate)
        {
            var ordered = new List<MotionSnapshot>(_devices.Count);
            var seen = new HashSet<int>();
            foreach (int id in _history)
            {
                if (_devices.TryGetValue(id, out var d) && seen.Add(id))
                {
                    ordered.Add(Snapshot(d, localToday));
                }
            }

            foreach (int id in _roster.DeviceIds)
            {
                if (_devices.TryGetValue(id, out var d) && seen.Add(id))
                {
                    ordered.Add(Snapshot(d, localToday));
                }
            }

            return new FleetSnapshot
            {
                Generated = Now,
                Running = _running,
                Motions = ordered,
                RosterProblems = _rosterProblems,
                RecentEvents = [.. _events],
                EventDirectory = EventDirectory,
                Notices = Notices?.Current ?? [],
                StillOut = StillOut(localToday),
                Roster = _roster,
            };
        }
    }

    /// <summary>Where the notices shown with every snapshot come from (set once by the pipeline).</summary>
    public INoticeBoard? Notices { get; set; }

    /// <summary>Today's roster devices not seen on the network today (local dates), in roster order. Under the lock.</summary>
    private List<int> StillOut(DateOnly localToday)
    {
        var zone = _time.LocalTimeZone;
        var stillOut = new List<int>();
        foreach (int id in _roster.DeviceIds)
        {
            if (_roster.Find(id, localToday) is null)
            {
                continue;
            }

            var lastSeen = _devices.GetValueOrDefault(id)?.LastSeen;
            if (lastSeen is not { } seen || DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(seen, zone).DateTime) != localToday)
            {
                stillOut.Add(id);
            }
        }

        return stillOut;
    }

    public MotionSnapshot? GetMotion(int deviceId)
    {
        var localToday = DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        lock (_gate)
        {
            return _devices.TryGetValue(deviceId, out var d) ? Snapshot(d, localToday) : null;
        }
    }

    private MotionSnapshot Snapshot(DeviceState d, DateOnly localToday)
    {
        var rows = _roster.EntriesFor(d.Id);
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
