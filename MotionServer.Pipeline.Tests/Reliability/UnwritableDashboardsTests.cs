using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Dashboard;
using MotionServer.Pipeline.Tests.Reliability.Support;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 17: a dashboards folder that cannot be written (a real read-only file system) is said once, not every 5 s:
/// each failed write used to name its own temporary file, so no two messages were alike and each was remembered.
/// </summary>
public sealed class UnwritableDashboardsTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [RootFact]
    public async Task ReadOnlyDashboardsFolder_IsLoggedOnce_NotAtEveryTick()
    {
        using var folder = new TemporaryFolder();
        var eventFolder = new EventFolder(folder.Path);
        using var disk = Tmpfs.Mount(eventFolder.DashboardsDirectory, 1024 * 1024);
        disk.ReadOnly(true);
        var clock = new TimerCountingTimeProvider(new FakeTimeProvider(DateTimeOffset.Parse("2025-10-12T15:48:21Z", CultureInfo.InvariantCulture)));
        var logger = new RecordingLogger<DashboardPublisher>();
        var ticked = new EventCounter();
        await using var publisher = new DashboardPublisher(
            new DashboardOptions { Interval = Interval }, eventFolder, () => DashboardSamples.Fleet(), clock, logger, strictVariables: true);
        publisher.Ticked += ticked.Handler;

        publisher.Start();
        for (int tick = 1; tick <= 10; tick++)
        {
            await ticked.WaitForAsync(tick);
            await clock.Timers.WaitForAsync(tick);
            clock.Inner.Advance(Interval);
        }

        await ticked.WaitForAsync(11);
        var errors = logger.At(LogLevel.Error);
        errors.Should().ContainSingle("eleven failed ticks with the same cause are one problem");
        errors.Single().Should().Contain(eventFolder.DashboardsDirectory + Path.DirectorySeparatorChar)
            .And.NotContain(EventFolder.TemporarySuffix, "the message names the file, not its temporary name");
    }
}
