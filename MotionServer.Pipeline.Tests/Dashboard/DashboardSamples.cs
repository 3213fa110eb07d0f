using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>Snapshots, clocks and renderers for the dashboard tests.</summary>
internal static class DashboardSamples
{
    /// <summary>2025-10-12 15:48:21 UTC, a Sunday afternoon of an event.</summary>
    public static readonly DateTimeOffset Now = new(2025, 10, 12, 15, 48, 21, TimeSpan.Zero);

    /// <summary>The laptop's zone in these tests: UTC+02:00, no daylight saving (deterministic).</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("Event+2", TimeSpan.FromHours(2), "Event+2", "Event+2");

    public const string HostileUsername = "<script>alert('u')</script>";
    public const string HostileFirmware = "\"><img src=x onerror=alert(1)>\u0007\u001b[31m";
    public const string HostileFileName = "evil\u0000<b>bold</b>\r\n.oao";
    public const string HostileWarning = "<iframe src=\"javascript:alert(2)\"></iframe>";
    public const string HostileCompetitor = "O'Brien \"<svg onload=alert(3)>\"";

    public static FakeTimeProvider Time(DateTimeOffset? now = null)
    {
        var time = new FakeTimeProvider(now ?? Now);
        time.SetLocalTimeZone(Zone);
        return time;
    }

    public static DashboardRenderer Renderer(TimeProvider time, string? overrideDirectory = null, ILogger? logger = null, TimeSpan? interval = null) =>
        new(new DashboardTemplates(overrideDirectory, "config/templates", logger ?? NullLogger.Instance), time,
            interval ?? TimeSpan.FromSeconds(5), strictVariables: true);

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static string Text(this IReadOnlyList<DashboardFile> files, string name) =>
        System.Text.Encoding.UTF8.GetString(files.Single(f => f.Name == name).Content.Span);

    public static IHtmlDocument Page(this IReadOnlyList<DashboardFile> files, string name) => Parse(files.Text(name));

    public static MotionSnapshot Waiting(int id) => new() { Id = id, Hostname = $"motion-{id}", Status = MotionStatus.Waiting };

    public static MotionSnapshot Seen(int id, MotionStatus status, TimeSpan ago) => new()
    {
        Id = id,
        Hostname = $"motion-{id}",
        Status = status,
        Since = Now - ago,
        LastSeen = Now - ago,
        Address = $"192.168.0.{id % 250}",
        Battery = 76,
        Storage = 4,
        Firmware = "9008 Event build (3232)",
        Username = $"owner {id}",
        Competitor = $"Competitor {id}",
    };

    public static TrackSnapshot Track(int id, string status, DateTime localStart, double hours = 2, double km = 25.2, double knots = 14.8) => new(
        $"ABC{id}XYZ_{id}_{localStart:yyyyMMdd}_{localStart:HHmmss}.oao",
        status,
        900_000,
        localStart,
        TimeSpan.FromHours(hours),
        (long)(km * 1_000_000),
        (long)Math.Round(knots * 1852.0 * 1000 / 3600),
        $"Competitor {id}",
        null);

    /// <summary>One device in every status, in history order, then a never-seen device.</summary>
    public static FleetSnapshot Fleet(bool running = true)
    {
        var day = new DateTime(2025, 10, 12, 11, 2, 9);
        var completed = Seen(817, MotionStatus.Completed, TimeSpan.FromMinutes(2)) with
        {
            LastCompleted = Now - TimeSpan.FromMinutes(2),
            Tracks = new TrackCounts(0, 0, 3, 1, 0),
            BytesDownloaded = 2_853_404,
            TrackList =
            [
                Track(817, "completed", day),
                Track(817, "completed", day.AddHours(3)),
                Track(817, "completed", day.AddDays(-1)),
                Track(817, "skipped", day.AddHours(5), knots: 0.5),
            ],
        };
        var downloading = Seen(818, MotionStatus.Downloading, TimeSpan.FromSeconds(30)) with
        {
            Battery = 45,
            Warnings = ["battery level is 45% (below 60%)", "storage is 97% full (above 95%)"],
            Tracks = new TrackCounts(1, 1, 2, 0, 0),
            BytesDownloaded = 1_800_000,
            Transfer = new TransferProgress("ABC818XYZ_818_20251012_130000.oao", 400_000, 1_000_000),
            TrackList = [Track(818, "completed", day.AddMinutes(30)), Track(818, "completed", day.AddMinutes(45))],
        };
        var failed = Seen(819, MotionStatus.Failed, TimeSpan.FromMinutes(7)) with
        {
            Address = null,
            Tracks = new TrackCounts(0, 0, 1, 0, 1),
            Attention = "1 track(s) failed: connection reset by peer",
            LastError = "connection reset by peer",
            FailedAttempts = 3,
        };
        var connected = Seen(820, MotionStatus.Connected, TimeSpan.FromSeconds(3)) with { Battery = null, Storage = null, Firmware = null, Username = null };
        var pending = Seen(821, MotionStatus.Pending, TimeSpan.FromSeconds(20)) with { Tracks = new TrackCounts(4, 0, 0, 0, 0) };
        var disconnected = Seen(822, MotionStatus.Disconnected, TimeSpan.FromHours(26)) with
        {
            Address = null,
            LastCompleted = Now - TimeSpan.FromHours(27),
        };
        return new FleetSnapshot
        {
            Generated = Now,
            Running = running,
            Motions = [completed, downloading, failed, connected, pending, disconnected, Waiting(823)],
            RecentEvents =
            [
                new FleetEvent(Now - TimeSpan.FromSeconds(30), LogLevel.Information, 818, "motion-818 is connected"),
                new FleetEvent(Now - TimeSpan.FromMinutes(7), LogLevel.Error, 819, "motion-819 needs attention - 1 track(s) failed: connection reset by peer"),
                new FleetEvent(Now - TimeSpan.FromMinutes(9), LogLevel.Warning, 818, "motion-818 battery level is 45%"),
                new FleetEvent(Now - TimeSpan.FromMinutes(30), LogLevel.Information, null, "Server started"),
            ],
            EventDirectory = "/events/2025-10-dutch-open",
        };
    }

    /// <summary>A device whose every string is an attack.</summary>
    public static FleetSnapshot Hostile() => new()
    {
        Generated = Now,
        Running = true,
        Motions =
        [
            Seen(666, MotionStatus.Downloading, TimeSpan.FromSeconds(5)) with
            {
                Username = HostileUsername,
                Firmware = HostileFirmware,
                Competitor = HostileCompetitor,
                Warnings = [HostileWarning, "unapproved firmware " + HostileFirmware],
                Transfer = new TransferProgress(HostileFileName, 10, 100),
                Tracks = new TrackCounts(0, 1, 1, 0, 0),
                Attention = "1 track(s) failed: " + HostileUsername,
                LastError = HostileWarning,
                TrackList = [Track(666, "completed", new DateTime(2025, 10, 12, 9, 0, 0)) with { FileName = HostileFileName, Competitor = HostileCompetitor }],
            },
        ],
        RosterProblems = ["config/motions.csv line 3: unknown column <script>x</script>"],
        Notices = [new Notice(NoticeCodes.RosterRefused, NoticeSeverity.Error, "roster refused <script>y</script>\r\nforged", Now)],
        RecentEvents = [new FleetEvent(Now, LogLevel.Warning, 666, "motion-666 firmware " + HostileFirmware + "\r\n2025-10-12 15:48:21,ERROR,forged line")],
        EventDirectory = "/events/<script>alert(0)<",
    };

    /// <summary>A fleet of <paramref name="count"/> devices, spread over every status, each with a few tracks.</summary>
    public static FleetSnapshot Large(int count)
    {
        var statuses = Enum.GetValues<MotionStatus>();
        var day = new DateTime(2025, 10, 12, 9, 0, 0);
        var motions = new List<MotionSnapshot>(count);
        for (int i = 0; i < count; i++)
        {
            int id = 100 + i;
            var status = statuses[i % statuses.Length];
            motions.Add(status == MotionStatus.Waiting
                ? Waiting(id)
                : Seen(id, status, TimeSpan.FromMinutes(i % 90)) with
                {
                    Tracks = new TrackCounts(1, status == MotionStatus.Downloading ? 1 : 0, 2, 1, 0),
                    BytesDownloaded = 1_800_000,
                    Warnings = i % 5 == 0 ? ["battery level is 45% (below 60%)"] : [],
                    Transfer = status == MotionStatus.Downloading ? new TransferProgress($"F{id}_{id}_20251012_090000.oao", 300_000, 900_000) : null,
                    TrackList = [Track(id, "completed", day.AddMinutes(i)), Track(id, "completed", day.AddMinutes(i).AddHours(3)), Track(id, "skipped", day)],
                });
        }

        return new FleetSnapshot
        {
            Generated = Now,
            Running = true,
            Motions = motions,
            RecentEvents = [.. Enumerable.Range(0, 200).Select(i => new FleetEvent(Now - TimeSpan.FromSeconds(i * 7), LogLevel.Information, 100 + (i % count), $"motion-{100 + (i % count)} is connected"))],
            EventDirectory = "/events/large",
        };
    }

    /// <summary>
    /// The issue-19 roster of 1,000 (ids 801-1800): 50 devices downloading, each with a few tracks, and 950 off the
    /// network, all still out today; those never seen when not <paramref name="seenYesterday"/>, otherwise
    /// disconnected since yesterday with everything a visit leaves (metadata, warnings, tracks).
    /// </summary>
    public static FleetSnapshot RosterOfAThousand(bool seenYesterday = false)
    {
        var day = new DateTime(2025, 10, 12, 9, 0, 0);
        var motions = new List<MotionSnapshot>(1000);
        for (int id = 801; id <= 1800; id++)
        {
            string competitor = $"Anna-Maria Sailor {id}";
            var tracks = new List<TrackSnapshot> { Track(id, "completed", day.AddMinutes(id % 300)), Track(id, "completed", day.AddMinutes(id % 300).AddHours(3)) };
            motions.Add(id <= 850
                ? Seen(id, MotionStatus.Downloading, TimeSpan.FromSeconds(id % 60)) with
                {
                    Competitor = competitor,
                    Tracks = new TrackCounts(1, 1, 2, 0, 0),
                    BytesDownloaded = 1_800_000,
                    Transfer = new TransferProgress($"ABC{id}XYZ_{id}_20251012_150000.oao", 300_000, 900_000) { BytesPerSecond = 600_000, BytesOwed = 1_500_000 },
                    TrackList = tracks,
                }
                : seenYesterday
                    ? Seen(id, MotionStatus.Disconnected, TimeSpan.FromHours(20)) with
                    {
                        Competitor = competitor,
                        Address = null,
                        LastCompleted = Now - TimeSpan.FromHours(20),
                        Tracks = new TrackCounts(0, 0, 2, 1, 0),
                        BytesDownloaded = 1_800_000,
                        Warnings = id % 5 == 0 ? ["battery level is 45% (below 60%)"] : [],
                        TrackList = [.. tracks.Select(t => t with { LocalStart = t.LocalStart.AddDays(-1) })],
                    }
                    : Waiting(id) with { Competitor = competitor });
        }

        return new FleetSnapshot
        {
            Generated = Now,
            Running = true,
            Motions = motions,
            StillOut = [.. Enumerable.Range(851, 950)],
            RecentEvents = [.. Enumerable.Range(0, 200).Select(i => new FleetEvent(Now - TimeSpan.FromSeconds(i * 7), LogLevel.Information, 801 + (i % 50), $"motion-{801 + (i % 50)} is connected"))],
            EventDirectory = "/events/roster-of-a-thousand",
        };
    }
}
