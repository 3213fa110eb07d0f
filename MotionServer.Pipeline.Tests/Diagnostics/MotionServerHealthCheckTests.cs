using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.Diagnostics;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Diagnostics;

public sealed class MotionServerHealthCheckTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 10, 12, 15, 0, 0, TimeSpan.Zero));
    private readonly StubPipeline _pipeline = new();
    private readonly NoticeBoard _notices;
    private readonly TemporaryFolder _folder = new();

    public MotionServerHealthCheckTests() => _notices = new NoticeBoard(_time, NullLogger.Instance);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Check_RunningWithoutNotices_Healthy()
    {
        new MotionServerHealthCheck(_pipeline.Failure, _notices, _time).Check().Status.Should().Be(HealthStatus.Healthy);
    }

    [Theory]
    [InlineData(NoticeSeverity.Warning, "WARNING")]
    [InlineData(NoticeSeverity.Error, "ERROR")]
    public void Check_ANotice_DegradedNamingIt(NoticeSeverity severity, string word)
    {
        _notices.Raise(NoticeCodes.DiskSpaceLow, severity, "Downloads paused: the disk is full");

        var result = new MotionServerHealthCheck(_pipeline.Failure, _notices, _time).Check();

        result.Status.Should().Be(HealthStatus.Degraded);
        result.Description.Should().Be($"{word} {NoticeCodes.DiskSpaceLow}: Downloads paused: the disk is full");
    }

    [Fact]
    public void Check_PipelineBrokeDown_Unhealthy()
    {
        _notices.Raise(NoticeCodes.DiskSpaceLow, NoticeSeverity.Warning, "low");
        _pipeline.BreakDown(new InvalidOperationException("the sink faulted"));

        var result = new MotionServerHealthCheck(_pipeline.Failure, _notices, _time).Check();

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().Be("the pipeline broke down: the sink faulted");
    }

    [Fact]
    public async Task Check_DashboardLoopNoLongerTicks_UnhealthyAfterThreeIntervals()
    {
        var publisher = new DashboardPublisher(new DashboardOptions(), new EventFolder(_folder.Path),
            () => new Pipeline.State.FleetSnapshot { Generated = _time.GetUtcNow(), Running = true, Motions = [] }, _time, NullLogger<DashboardPublisher>.Instance);
        var check = new MotionServerHealthCheck(_pipeline.Failure, _notices, _time, () => publisher);
        publisher.Start();
        await publisher.DisposeAsync(); // the loop ends: no tick any more

        _time.Advance(publisher.Interval * 3);
        check.Check().Status.Should().Be(HealthStatus.Healthy, "three intervals are not yet a stall");
        _time.Advance(TimeSpan.FromSeconds(1));
        var result = check.Check();

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().Be("the dashboards have not been refreshed for 16 s (every 5 s expected)");
    }

    [Fact]
    public async Task AddMotionServer_HealthChecks_ReportThePipeline()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMotionServer(o => o.EventDirectory = _folder.Path);
        services.AddMotionServer(o => o.EventDirectory = _folder.Path); // twice: still one check
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<INoticeBoard>().Raise("embedder", NoticeSeverity.Warning, "the embedder's own condition");

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries.Keys.Should().Equal(MotionServerHealthCheck.Name);
        report.Status.Should().Be(HealthStatus.Degraded);
        report.Entries[MotionServerHealthCheck.Name].Description.Should().Be("WARNING embedder: the embedder's own condition");
    }
}
