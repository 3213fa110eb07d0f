using System.Text.Json;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 11: a nearly full disk pauses the downloads with nothing half-written and one clear banner; they resume on
/// their own when space is freed. Real emulated devices over loopback; only the free space is faked.
/// </summary>
public sealed class DiskSpaceTests : ReliabilityTest
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task DiskNearlyFull_DownloadsPauseWithABanner_ThenResumeWhenSpaceIsFreed()
    {
        await using var fleet = await FleetBuilder.StartAsync([881, 882], tracksPerDevice: 2);
        var space = new SettableFreeSpace(100 * MiB);
        var log = new CapturingLoggerProvider();
        await using var server = await PipelineHarness.StartAsync(EventDirectory, fleet, PipelineHarness.RosterFor(fleet), log: log, freeSpace: space);

        // Both devices reach their downloads and wait there: downloading, not failed, nothing written.
        await server.WaitForAsync(881, m => m.Status == MotionStatus.Downloading);
        await server.WaitForAsync(882, m => m.Status == MotionStatus.Downloading);
        var status = await server.ForStatusAsync(s => s.NoticeCodes().Contains(NoticeCodes.DiskSpaceLow),
            page => page.Contains("id=\"notice-disk-space-low\"", StringComparison.Ordinal));

        var notice = status.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("code").GetString() == NoticeCodes.DiskSpaceLow);
        notice.GetProperty("severity").GetString().Should().Be("error");
        notice.GetProperty("text").GetString().Should().Contain("downloads are paused");
        server.FilesUnderTracks().Should().BeEmpty("nothing is half-written while the disk is full");
        foreach (int id in new[] { 881, 882 })
        {
            var motion = server.Fleet.GetMotion(id)!;
            motion.Status.Should().Be(MotionStatus.Downloading, "a device waiting for space is not failed");
            motion.FailedAttempts.Should().Be(0);
            motion.Attention.Should().BeNull();
        }

        fleet[881].RequestCount.Should().BeGreaterThan(0);
        server.Fleet.GetSnapshot().Motions.Should().OnlyContain(m => m.Tracks.Failed == 0);

        space.Free = 20_000 * MiB;
        await server.WaitForCompletedAsync(881, tracks: 2);
        await server.WaitForCompletedAsync(882, tracks: 2);
        await server.ForStatusAsync(s => s.NoticeCodes().Count == 0, page => !page.Contains("notice-disk-space-low", StringComparison.Ordinal));

        log.Lines.Where(l => l.Message.StartsWith("Disk nearly full", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Level.Should().Be(LogLevel.Error);
        log.Lines.Where(l => l.Message.StartsWith("Resolved - Disk nearly full", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Level.Should().Be(LogLevel.Information);
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
    }

    [Fact]
    public async Task FreeSpaceExactlyTheTrackPlusTheMinimum_DownloadsAtOnce()
    {
        await using var fleet = await FleetBuilder.StartAsync([883], tracksPerDevice: 1);
        long size = fleet[883].Tracks[0].Size;

        // Exactly enough for the track and the minimum: it goes.
        var space = new SettableFreeSpace((500 * MiB) + size);
        await using var server = await PipelineHarness.StartAsync(EventDirectory, fleet, PipelineHarness.RosterFor(fleet), freeSpace: space);

        await server.WaitForCompletedAsync(883, tracks: 1);
        server.Pipeline.Notices.Current.Should().BeEmpty();
    }

    private sealed class SettableFreeSpace(long free) : IFreeSpaceProbe
    {
        private long _free = free;

        public long Free
        {
            get => Interlocked.Read(ref _free);
            set => Interlocked.Exchange(ref _free, value);
        }

        public long? AvailableBytes(string folder) => Free;
    }
}
