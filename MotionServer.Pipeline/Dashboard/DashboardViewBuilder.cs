using System.Globalization;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>Turns a <see cref="FleetSnapshot"/> into the <see cref="DashboardView"/> the templates render.</summary>
internal static class DashboardViewBuilder
{
    private static readonly MotionStatus[] StatusOrder = Enum.GetValues<MotionStatus>();

    /// <summary>Builds the view of <paramref name="snapshot"/>, its times read on <paramref name="clock"/>.</summary>
    public static DashboardView Build(FleetSnapshot snapshot, LocalClock clock, int refreshSeconds, IReadOnlyList<string> templateProblems)
    {
        var devices = new List<DeviceView>(snapshot.Motions.Count);
        var counts = new int[StatusOrder.Length];
        foreach (var motion in snapshot.Motions)
        {
            devices.Add(Device(motion, clock));
            counts[(int)motion.Status]++;
        }

        var days = TrackDays(snapshot.Motions);
        return new DashboardView
        {
            Title = Title(snapshot.EventDirectory),
            Generated = clock.NowText,
            GeneratedUtc = clock.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            TimeZone = clock.OffsetText,
            Running = snapshot.Running,
            RefreshSeconds = refreshSeconds,
            Counts = [.. StatusOrder.Select(s => new StatusCountView(s.ToContractName(), counts[(int)s]))],
            Total = devices.Count,
            Devices = devices,
            Cards = [.. devices.Where(d => !d.Absent)],
            Absent = [.. devices.Where(d => d.Absent)],
            Disconnectable = [.. devices.Where(d => d.CanBeDisconnected)],
            Attention = [.. devices.Where(d => d.HasAttention)],
            RosterProblems = [.. snapshot.RosterProblems.Select(p => DisplayText.Clean(p, 1000))],
            TemplateProblems = templateProblems,
            Events = Events(snapshot, clock),
            TrackDays = days,
            TrackTotal = days.Sum(d => d.Count),
            Notices = [.. snapshot.Notices.Select(n => new NoticeView
            {
                Code = n.Code,
                Severity = n.Severity == Notices.NoticeSeverity.Error ? "error" : "warning",
                Text = DisplayText.Clean(n.Text, 2000),
                Since = clock.Format(n.Since),
                SinceAgo = clock.Ago(n.Since),
            })],
            StillOut = StillOut(snapshot, clock),
            Results = ResultsViewBuilder.Build(snapshot, clock),
        };
    }

    /// <summary>The level words of the log file.</summary>
    public static string LevelWord(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        _ => "ERROR",
    };

    /// <summary>Off the network, and nothing a card would show needs a look (<see cref="DeviceView.Absent"/>).</summary>
    private static bool IsAbsent(MotionSnapshot m) =>
        m.Status is MotionStatus.Waiting or MotionStatus.Disconnected
        && m.Transfer is null
        && !m.CanBeDisconnected
        && string.IsNullOrEmpty(m.Attention)
        && string.IsNullOrEmpty(m.LastError)
        && !m.TrackList.Any(t => t.IsDamaged || t.IsSuspect);

    private static DeviceView Device(MotionSnapshot m, LocalClock clock)
    {
        var transfer = m.Transfer;
        return new DeviceView
        {
            Id = m.Id,
            Hostname = DisplayText.Clean(m.Hostname),
            Status = m.Status.ToContractName(),
            Since = clock.Format(m.Since),
            SinceAgo = clock.Ago(m.Since),
            LastSeen = clock.Format(m.LastSeen),
            LastSeenAgo = clock.Ago(m.LastSeen),
            LastCompleted = clock.Format(m.LastCompleted),
            LastCompletedAgo = clock.Ago(m.LastCompleted),
            Address = DisplayText.OrUnknown(m.Address),
            Battery = Percent(m.Battery),
            Storage = Percent(m.Storage),
            Firmware = DisplayText.OrUnknown(m.Firmware),
            Username = DisplayText.Clean(m.Username),
            Competitor = DisplayText.OrUnknown(m.Competitor),
            Warnings = m.Warnings.Count == 0 ? [] : [.. m.Warnings.Select(w => DisplayText.Clean(w))],
            TracksQueued = m.Tracks.Queued,
            TracksDownloading = m.Tracks.Downloading,
            TracksCompleted = m.Tracks.Completed,
            TracksSkipped = m.Tracks.Skipped,
            TracksFailed = m.Tracks.Failed,
            TracksOwed = m.Tracks.Owed,
            BytesDownloaded = TrackFigures.FormatSize(m.BytesDownloaded),
            HasTransfer = transfer is not null,
            TransferFile = DisplayText.Clean(transfer?.FileName),
            TransferPercent = transfer is null ? 0 : (int)Math.Floor(transfer.Fraction * 100),
            TransferText = transfer is null
                ? ""
                : string.Create(CultureInfo.InvariantCulture,
                    $"{transfer.BytesReceived / (1024.0 * 1024.0):0.0} of {TrackFigures.FormatSize(transfer.Size)}"),
            TransferRate = TransferFigures.RateText(transfer),
            TransferRemaining = TransferFigures.RemainingText(transfer),
            CanBeDisconnected = m.CanBeDisconnected,
            HasAttention = !string.IsNullOrEmpty(m.Attention),
            Attention = DisplayText.Clean(m.Attention, 500),
            HasLastError = !string.IsNullOrEmpty(m.LastError),
            LastError = DisplayText.Clean(m.LastError, 500),
            FailedAttempts = m.FailedAttempts,
            DamagedTracks = [.. m.DamagedTracks.Select(t => DisplayText.Clean($"{t.FileName}: {string.Join("; ", t.Verification!.Defects)}", 500))],
            SuspectTracks = [.. m.SuspectTracks.Select(t => DisplayText.Clean($"{t.FileName}: {SuspectText(t)}", 500))],
            Absent = IsAbsent(m),
        };
    }

    private static List<StillOutView> StillOut(FleetSnapshot snapshot, LocalClock clock)
    {
        if (snapshot.StillOut.Count == 0)
        {
            return [];
        }

        var motions = new Dictionary<int, MotionSnapshot>(snapshot.Motions.Count);
        foreach (var m in snapshot.Motions)
        {
            motions.TryAdd(m.Id, m);
        }

        return [.. snapshot.StillOut.Select(id =>
        {
            var m = motions.GetValueOrDefault(id);
            return new StillOutView
            {
                Id = id,
                Hostname = DisplayText.Clean(m?.Hostname ?? string.Create(CultureInfo.InvariantCulture, $"device {id}")),
                Competitor = DisplayText.OrUnknown(m?.Competitor),
                LastSeen = clock.Format(m?.LastSeen),
            };
        })];
    }

    private static string Percent(int? value) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v}%") : DisplayText.Unknown;

    private static List<EventView> Events(FleetSnapshot snapshot, LocalClock clock)
    {
        if (snapshot.RecentEvents.Count == 0)
        {
            return [];
        }

        var hostnames = new Dictionary<int, string>(snapshot.Motions.Count);
        foreach (var m in snapshot.Motions)
        {
            hostnames.TryAdd(m.Id, m.Hostname);
        }

        return [.. snapshot.RecentEvents.Select(e => new EventView
        {
            Time = clock.Format(e.Time),
            Ago = clock.Ago(e.Time),
            Level = LevelWord(e.Level),
            Device = e.DeviceId is not { } id
                ? "server"
                : DisplayText.Clean(hostnames.GetValueOrDefault(id) ?? string.Create(CultureInfo.InvariantCulture, $"device {id}")),
            Message = DisplayText.Clean(e.Message, 1000),
        })];
    }

    private static List<TrackDayView> TrackDays(IReadOnlyList<MotionSnapshot> motions)
    {
        var rows = new List<(MotionSnapshot Motion, TrackSnapshot Track)>();
        foreach (var m in motions)
        {
            foreach (var t in m.TrackList)
            {
                if (string.Equals(t.Status, "completed", StringComparison.Ordinal))
                {
                    rows.Add((m, t));
                }
            }
        }

        return [.. rows
            .GroupBy(r => DateOnly.FromDateTime(r.Track.LocalStart))
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var tracks = g.OrderBy(r => r.Track.LocalStart).ThenBy(r => r.Motion.Id).ToList();
                return new TrackDayView
                {
                    Date = g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Label = g.Key.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
                    Count = tracks.Count,
                    Distance = TrackFigures.FormatDistance(tracks.Aggregate(0L, (sum, r) => TrackFigures.AddSaturating(sum, r.Track.DistanceMillimetres))),
                    Tracks = [.. tracks.Select(r => Track(r.Motion, r.Track))],
                };
            })];
    }

    /// <summary>A track's row: the figures verified from its frames when it was verified, otherwise the device's.</summary>
    private static TrackView Track(MotionSnapshot m, TrackSnapshot t)
    {
        var v = t.Verification;
        return new TrackView
        {
            Start = t.LocalStart.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            Hostname = DisplayText.Clean(m.Hostname),
            Competitor = DisplayText.OrUnknown(t.Competitor ?? m.Competitor),
            FileName = DisplayText.Clean(t.FileName),
            Duration = LocalClock.FormatSpan(v is null ? t.Duration : TimeSpan.FromMilliseconds(Math.Max(0, v.Duration))),
            Distance = TrackFigures.FormatDistance(v?.Distance ?? t.DistanceMillimetres),
            Best500m = Knots(v?.Best500m ?? t.Best500mMillimetresPerSecond),
            Size = TrackFigures.FormatSize(t.Size),
            Best2s = v is null ? DisplayText.Unknown : Knots(v.Best2s),
            Best10s = v is null ? DisplayText.Unknown : Knots(v.Best10s),
            Verdict = v is null ? "unverified" : DisplayText.Clean(v.Verdict),
            Defects = v is null ? "" : DisplayText.Clean(string.Join("; ", v.Defects), 500),
            Suspect = t.IsSuspect,
            Reasons = t.IsSuspect ? DisplayText.Clean(SuspectText(t), 500) : "",
            Rules2s = ResultText.Figure(t.Results?.Figures.TwoSeconds, DisplayText.Unknown),
            Rules10s = ResultText.Figure(t.Results?.Figures.TenSeconds, DisplayText.Unknown),
            Rules500m = ResultText.Figure(t.Results?.Figures.FiveHundredMetres, DisplayText.Unknown),
        };
    }

    /// <summary>A suspect track's reasons, one sentence each, <c> | </c> between two (as its log line).</summary>
    private static string SuspectText(TrackSnapshot t) => string.Join(" | ", t.Results?.Reasons.Select(r => r.Text) ?? []);

    private static string Knots(long millimetresPerSecond) =>
        TrackFigures.ToKnots(millimetresPerSecond).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Title(string eventDirectory)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(eventDirectory ?? ""));
        return string.IsNullOrEmpty(name) ? "Motion Server" : DisplayText.Clean(name);
    }
}
