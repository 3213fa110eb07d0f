using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Benchmarks.Dashboard;

/// <summary>
/// One dashboard tick for an event of 130 devices (a large real event) and of 1,000: building the view, rendering
/// the four pages and status.json, and the whole tick with the atomic writes (flushed to disk). Compare the
/// ratios to <see cref="StatusJsonOnly"/>; the absolute times show the tick stays in milliseconds. Two fleets: every
/// status in turn (<see cref="MostlyAbsent"/> false, the fleet of earlier runs), and the roster of issue 19 (5% of the
/// devices downloading, the others off the network and still out: the compact table of absent devices).
/// </summary>
[MemoryDiagnoser]
public class DashboardRenderBenchmark
{
    private static readonly DateTimeOffset Now = new(2025, 10, 12, 15, 48, 21, TimeSpan.Zero);

    private FleetSnapshot _snapshot = null!;
    private DashboardRenderer _renderer = null!;
    private DashboardPublisher _publisher = null!;
    private string _folder = null!;

    /// <summary>Devices on the roster.</summary>
    [Params(130, 1000)]
    public int Devices { get; set; }

    /// <summary>Whether 95% of the devices are off the network (waiting or disconnected) and still out today.</summary>
    [Params(false, true)]
    public bool MostlyAbsent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = MostlyAbsent ? Rush(Fleet(Devices)) : Fleet(Devices);
        _renderer = new DashboardRenderer(new DashboardTemplates(null, "config/templates", NullLogger.Instance), TimeProvider.System, TimeSpan.FromSeconds(5));
        _folder = Path.Combine(Path.GetTempPath(), "motion-dashboard-benchmark", Guid.NewGuid().ToString("N"));
        _publisher = new DashboardPublisher(new DashboardOptions(), new EventFolder(_folder), () => _snapshot, TimeProvider.System,
            NullLogger<DashboardPublisher>.Instance);
        _renderer.Render(_snapshot); // parse the templates once, as the first tick does
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _publisher.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public int StatusJsonOnly() => StatusJson.Serialize(_snapshot).Length;

    [Benchmark]
    public int ViewModel() =>
        DashboardViewBuilder.Build(_snapshot, new LocalClock(TimeZoneInfo.Local, _snapshot.Generated), 5, []).Devices.Count;

    [Benchmark]
    public int RenderAllPages()
    {
        int bytes = 0;
        foreach (var file in _renderer.Render(_snapshot))
        {
            bytes += file.Content.Length;
        }

        return bytes;
    }

    [Benchmark]
    public void WholeTickWithAtomicWrites() => _publisher.RenderNow(_snapshot);

    private static FleetSnapshot Fleet(int count)
    {
        var statuses = Enum.GetValues<MotionStatus>();
        var day = new DateTime(2025, 10, 12, 9, 0, 0);
        var motions = new List<MotionSnapshot>(count);
        for (int i = 0; i < count; i++)
        {
            int id = 100 + i;
            var status = statuses[i % statuses.Length];
            bool seen = status != MotionStatus.Waiting;
            motions.Add(new MotionSnapshot
            {
                Id = id,
                Hostname = $"motion-{id}",
                Status = status,
                Since = seen ? Now.AddMinutes(-(i % 90)) : null,
                LastSeen = seen ? Now.AddMinutes(-(i % 90)) : null,
                LastCompleted = seen && i % 3 == 0 ? Now.AddHours(-2) : null,
                Address = seen ? $"192.168.{i / 250}.{i % 250}" : null,
                Battery = seen ? 40 + (i % 60) : null,
                Storage = seen ? i % 100 : null,
                Firmware = seen ? "9008 Event build (3232)" : null,
                Username = seen ? $"Owner {id}" : null,
                Competitor = $"Competitor {id}",
                Warnings = i % 5 == 0 ? ["battery level is 45% (below 60%)", "gnss rate is 1 Hz (expected 5 Hz)"] : [],
                Tracks = new TrackCounts(1, status == MotionStatus.Downloading ? 1 : 0, 3, 1, status == MotionStatus.Failed ? 1 : 0),
                BytesDownloaded = 2_853_404,
                Transfer = status == MotionStatus.Downloading ? new TransferProgress($"F{id}_{id}_20251012_090000.oao", 300_000, 900_000) : null,
                Attention = status == MotionStatus.Failed ? "1 track(s) failed: connection reset by peer" : null,
                LastError = status == MotionStatus.Failed ? "connection reset by peer" : null,
                FailedAttempts = status == MotionStatus.Failed ? 3 : 0,
                TrackList =
                [
                    Track(id, "completed", day.AddMinutes(i)),
                    Track(id, "completed", day.AddMinutes(i).AddHours(3)),
                    Track(id, "completed", day.AddDays(-1).AddMinutes(i)),
                    Track(id, "skipped", day),
                ],
            });
        }

        return new FleetSnapshot
        {
            Generated = Now,
            Running = true,
            Motions = motions,
            RecentEvents = [.. Enumerable.Range(0, 200).Select(i =>
                new FleetEvent(Now.AddSeconds(-7 * i), LogLevel.Information, 100 + (i % count), $"motion-{100 + (i % count)} is connected"))],
            EventDirectory = "/events/benchmark",
        };
    }

    /// <summary>
    /// The same roster with one device in twenty downloading and the others off the network: never seen or gone since
    /// yesterday, by turns, and all still out today.
    /// </summary>
    private static FleetSnapshot Rush(FleetSnapshot fleet)
    {
        var motions = fleet.Motions.Select((m, i) => i % 20 == 0
            ? m with { Status = MotionStatus.Downloading, Transfer = new TransferProgress($"F{m.Id}_{m.Id}_20251012_090000.oao", 300_000, 900_000), Attention = null, LastError = null }
            : i % 2 == 0
                ? new MotionSnapshot { Id = m.Id, Hostname = m.Hostname, Status = MotionStatus.Waiting, Competitor = m.Competitor }
                : m with { Status = MotionStatus.Disconnected, Address = null, Transfer = null, Attention = null, LastError = null, FailedAttempts = 0 }).ToList();
        return fleet with
        {
            Motions = motions,
            StillOut = [.. motions.Where(m => m.Status != MotionStatus.Downloading).Select(m => m.Id)],
        };
    }

    private static TrackSnapshot Track(int id, string status, DateTime start) =>
        new($"ABC{id}XYZ_{id}_{start:yyyyMMdd}_{start:HHmmss}.oao", status, 900_000, start, TimeSpan.FromHours(2.5), 25_200_000, 7_614, $"Competitor {id}", null);
}
