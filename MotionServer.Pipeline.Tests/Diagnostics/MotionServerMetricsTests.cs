using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Diagnostics;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Diagnostics;

public sealed class MotionServerMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 10, 12, 15, 0, 0, TimeSpan.Zero));
    private readonly TemporaryFolder _folder = new();
    private readonly StubFleet _fleet = new(new FleetSnapshot
    {
        Generated = DateTimeOffset.UnixEpoch,
        Running = true,
        Motions =
        [
            new MotionSnapshot { Id = 101, Hostname = "motion-101", Status = MotionStatus.Completed, BytesDownloaded = 1_000, TrackList = [Track("valid"), Track("damaged")] },
            new MotionSnapshot { Id = 102, Hostname = "motion-102", Status = MotionStatus.Completed, BytesDownloaded = 2_500, TrackList = [Track("valid")] },
            new MotionSnapshot { Id = 103, Hostname = "motion-103", Status = MotionStatus.Downloading, TrackList = [Track(null)] },
            new MotionSnapshot { Id = 104, Hostname = "motion-104", Status = MotionStatus.Waiting },
        ],
    });

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Devices_ByStatus_EveryStatusWithItsCount()
    {
        using var metrics = Observing();
        using var devices = new MetricCollector<int>(Meters, MotionServerMetrics.MeterName, "motionserver.devices");

        devices.RecordObservableInstruments();

        var counts = devices.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["status"]!, m => m.Value);
        counts.Should().HaveCount(Enum.GetValues<MotionStatus>().Length);
        counts["completed"].Should().Be(2);
        counts["downloading"].Should().Be(1);
        counts["waiting"].Should().Be(1);
        counts["failed"].Should().Be(0);
    }

    [Fact]
    public void BytesAndTracks_FromTheFleet_SummedOverDevices()
    {
        using var metrics = Observing();
        using var bytes = new MetricCollector<long>(Meters, MotionServerMetrics.MeterName, "motionserver.download.bytes");
        using var verified = new MetricCollector<long>(Meters, MotionServerMetrics.MeterName, "motionserver.tracks.verified");
        using var damaged = new MetricCollector<long>(Meters, MotionServerMetrics.MeterName, "motionserver.tracks.damaged");
        using var suspect = new MetricCollector<long>(Meters, MotionServerMetrics.MeterName, "motionserver.tracks.suspect");

        foreach (var collector in new[] { bytes, verified, damaged, suspect })
        {
            collector.RecordObservableInstruments();
        }

        bytes.LastMeasurement!.Value.Should().Be(3_500);
        verified.LastMeasurement!.Value.Should().Be(3);
        damaged.LastMeasurement!.Value.Should().Be(1);
        suspect.LastMeasurement!.Value.Should().Be(0);
        _fleet.Taken.Should().Be(1, "one snapshot serves every instrument of a collection");
    }

    [Fact]
    public void QueueDepth_EachQueue_Tagged()
    {
        using var metrics = new MotionServerMetrics(Meters, _time);
        metrics.Observe(_fleet, [new("connections", () => 3), new("downloads", () => 7)], dashboards: null);
        using var queues = new MetricCollector<int>(Meters, MotionServerMetrics.MeterName, "motionserver.queue.depth");

        queues.RecordObservableInstruments();

        queues.GetMeasurementSnapshot().Select(m => ((string)m.Tags["queue"]!, m.Value)).Should().Equal(("connections", 3), ("downloads", 7));
    }

    [Fact]
    public async Task Looks_EachResolution_CountedAndNoneLeftInFlight()
    {
        using var metrics = Observing();
        using var looks = new MetricCollector<long>(Meters, MotionServerMetrics.MeterName, "motionserver.detection.looks");
        using var active = new MetricCollector<long>(Meters, MotionServerMetrics.MeterName, "motionserver.detection.lookups.active");
        var resolver = metrics.CountLooks(new LoopbackResolver());

        for (int i = 0; i < 3; i++)
        {
            (await resolver.ResolveAsync("motion-101", CancellationToken.None)).Should().Be(IPAddress.Loopback);
        }

        looks.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(3);
        active.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(0);
        active.GetMeasurementSnapshot().Should().HaveCount(6);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Looks_CountingResolver_SaysWhetherTheLookupsEndInTime(bool endsInTime)
    {
        using var metrics = Observing();

        metrics.CountLooks(new MotionServer.Pipeline.Tests.Detection.ScriptedResolver(TimeProvider.System) { EndsWithinTimeout = endsInTime })
            .EndsWithinTimeout.Should().Be(endsInTime, "NameLookups keeps no time for lookups that end in time");
    }

    [Fact]
    public async Task DashboardTick_EachTick_RecordsItsDuration()
    {
        using var metrics = new MotionServerMetrics(Meters, TimeProvider.System);
        await using var publisher = new DashboardPublisher(new DashboardOptions(), new EventFolder(_folder.Path), () => _fleet.Snapshot,
            TimeProvider.System, NullLogger<DashboardPublisher>.Instance);
        metrics.Observe(_fleet, [], publisher);
        using var ticks = new MetricCollector<double>(Meters, MotionServerMetrics.MeterName, "motionserver.dashboard.tick.duration");

        publisher.Start(); // the first tick at once
        await ticks.WaitForMeasurementsAsync(1, Patience.Timeout);

        ticks.LastMeasurement!.Value.Should().BeGreaterThan(0).And.BeLessThan(Patience.Timeout.TotalSeconds);
    }

    [Fact]
    public async Task AddMotionServer_WithAMeterFactory_ThePipelineReportsToIt()
    {
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddMotionServer(o => o.EventDirectory = _folder.Path);
        await using var provider = services.BuildServiceProvider();

        var pipeline = (MotionPipeline)provider.GetRequiredService<IMotionPipeline>();

        pipeline.Metrics.Should().BeSameAs(provider.GetRequiredService<MotionServerMetrics>());
    }

    private static TrackSnapshot Track(string? verdict) =>
        new("F_101_20251012_090000.oao", verdict is null ? "downloading" : "completed", 900_000, new DateTime(2025, 10, 12, 9, 0, 0), TimeSpan.FromHours(1), 0, 0, null, null,
            verdict is null ? null : new TrackVerificationSnapshot { Verdict = verdict });

    private MotionServerMetrics Observing()
    {
        var metrics = new MotionServerMetrics(Meters, _time);
        metrics.Observe(_fleet, [], dashboards: null);
        return metrics;
    }

    private sealed class LoopbackResolver : IAddressResolver
    {
        public Task<IPAddress?> ResolveAsync(string hostname, CancellationToken cancellationToken) => Task.FromResult<IPAddress?>(IPAddress.Loopback);
    }
}
