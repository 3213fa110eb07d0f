using System.Text.Json;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Integration;

/// <summary>The real pipeline against emulated devices over real loopback sockets.</summary>
public sealed class PipelineEndToEndTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string ExpectedName(int id, EmulatedTrack track) =>
        TrackName.Create($"F{id}", id, TrackName.LocalStartOf(track.StartDate, track.TimezoneMinutes ?? 60)).FileName;

    [Fact]
    public async Task DeviceWithNewTracks_EndsCompleted_WithByteIdenticalFilesAndTheLedger()
    {
        await using var fleet = await FleetBuilder.StartAsync([817], tracksPerDevice: 2);
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet));

        var motion = await server.WaitForCompletedAsync(817, tracks: 2);

        motion.CanBeDisconnected.Should().BeTrue();
        motion.Address.Should().Be(fleet[817].Address.ToString());
        motion.BytesDownloaded.Should().Be(fleet[817].Tracks.Sum(t => t.Size));
        foreach (var track in fleet[817].Tracks)
        {
            string name = ExpectedName(817, track);
            File.ReadAllBytes(server.TrackPath(name)).Should().Equal(track.Content.ToArray());
        }

        using var ledger = JsonDocument.Parse(File.ReadAllText(server.Folder.LedgerFile("motion-817")));
        ledger.RootElement.EnumerateObject().Should().HaveCount(2)
            .And.OnlyContain(e => e.Value.GetProperty("status").GetString() == "completed"
                && e.Value.GetProperty("local_file").GetString() == $"gpslogs/{e.Name.Split('_')[2]}/{e.Name}");
        foreach (string cached in new[] { "info.json", "settings.json", "logs.json" })
        {
            File.Exists(Path.Combine(server.Folder.DeviceDirectory("motion-817"), cached)).Should().BeTrue(cached);
        }

        var messages = server.Log.Messages().ToList();
        messages.Should().Contain("motion-817 is connected")
            .And.Contain("motion-817 battery level is 80%")
            .And.Contain("motion-817 can be disconnected");
        messages.Count(m => m.StartsWith("motion-817 F817_817_", StringComparison.Ordinal) && m.Contains(" downloaded - ", StringComparison.Ordinal)).Should().Be(2);
        server.FilesUnderTracks().Should().HaveCount(2, "no partial or temporary file remains");
    }

    [Fact]
    public async Task ManyDevicesArrivingAtOnce_BeyondEveryStagesCapacity_AllComplete()
    {
        // One worker per stage: capacity 2 each, so most devices wait for room downstream (back-pressure).
        int[] ids = [.. Enumerable.Range(830, 16)];
        await using var fleet = await FleetBuilder.StartAsync(ids, tracksPerDevice: 2);
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet), o =>
        {
            o.Detection.Workers = 1;
            o.Inspection.Workers = 1;
            o.Download.Workers = 1;
        });

        foreach (int id in ids)
        {
            await server.WaitForCompletedAsync(id, tracks: 2);
        }

        server.FilesUnderTracks().Should().HaveCount(32);
    }

    [Fact]
    public async Task DeviceWithNothingNew_IsCompletedWithoutDownloads()
    {
        await using var fleet = await FleetBuilder.StartAsync([818], tracksPerDevice: 0);
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet));

        await server.WaitForCompletedAsync(818, tracks: 0);

        server.Log.Messages().Should().Contain("motion-818 has no tracks to download").And.Contain("motion-818 can be disconnected");
        server.FilesUnderTracks().Should().BeEmpty();
    }

    [Fact]
    public async Task Restart_FetchesNothingTwice()
    {
        await using var fleet = await FleetBuilder.StartAsync([819], tracksPerDevice: 3);
        await using (var first = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet)))
        {
            await first.WaitForCompletedAsync(819, tracks: 3);
        }

        int trackRequestsBefore = fleet[819].Requests.Count(r => r.Path.EndsWith(".oao", StringComparison.Ordinal));
        await using var second = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet));

        var motion = await second.WaitForCompletedAsync(819, tracks: 3);

        trackRequestsBefore.Should().Be(3);
        fleet[819].Requests.Count(r => r.Path.EndsWith(".oao", StringComparison.Ordinal)).Should().Be(3, "the restart fetched nothing again");
        motion.LastSeen.Should().NotBeNull();
        second.Log.Messages().Should().Contain("motion-819 has no tracks to download");
    }

    [Fact]
    public async Task DeviceThatLeavesAndComesBack_IsDisconnectedThenConnectedAgain()
    {
        await using var fleet = await FleetBuilder.StartAsync([820], tracksPerDevice: 1);
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet));
        await server.WaitForCompletedAsync(820, tracks: 1);

        await fleet[820].LeaveAsync();
        await server.WaitForAsync(820, m => m.Status == MotionStatus.Disconnected);
        server.Fleet.GetMotion(820)!.Address.Should().BeNull();
        server.Log.Messages().Should().Contain("motion-820 has been disconnected");

        fleet[820].AddTrack(FleetBuilder.Track(820, session: 1));
        await fleet[820].JoinAsync();

        await server.WaitForCompletedAsync(820, tracks: 2);
        var messages = server.Log.Messages().ToList();
        messages.LastIndexOf("motion-820 is connected").Should().BeGreaterThan(messages.IndexOf("motion-820 has been disconnected"), "it was found again after it left");
        File.Exists(server.TrackPath(ExpectedName(820, fleet[820].Tracks[1]))).Should().BeTrue();
    }

    [Fact]
    public async Task DownloadThatFails_IsRetried_AndNeverReportedCompleteBeforeItIs()
    {
        await using var fleet = await FleetBuilder.StartAsync([821], tracksPerDevice: 1);
        fleet[821].Faults.Add(DeviceFault.AbortAfter(10_000).Once());
        var statuses = new List<MotionStatus>();
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet));
        server.Fleet.StatusChanged += (_, c) => { lock (statuses) { statuses.Add(c.Current); } };

        await server.WaitForCompletedAsync(821, tracks: 1);

        var messages = server.Log.Lines.Select(l => (l.Level, l.Message)).ToList();
        int failedAt = messages.FindIndex(m => m.Level == LogLevel.Error && m.Message.Contains(" failed - ", StringComparison.Ordinal));
        int downloadedAt = messages.FindIndex(m => m.Message.Contains(" downloaded - ", StringComparison.Ordinal));
        int disconnectAt = messages.FindIndex(m => m.Message == "motion-821 can be disconnected");
        failedAt.Should().BeGreaterThanOrEqualTo(0);
        failedAt.Should().BeLessThan(downloadedAt);
        disconnectAt.Should().BeGreaterThan(downloadedAt, "'can be disconnected' only after the track is down");
        lock (statuses)
        {
            // From Failed on: the handler is attached after the pipeline started, and on a loaded machine the first
            // Downloading can come before it (the log lines above say the failure came first).
            statuses.Should().ContainInOrder(MotionStatus.Failed, MotionStatus.Connected, MotionStatus.Downloading, MotionStatus.Completed);
            statuses.IndexOf(MotionStatus.Completed).Should().Be(statuses.Count - 1);
        }

        File.ReadAllBytes(server.TrackPath(ExpectedName(821, fleet[821].Tracks[0]))).Should().Equal(fleet[821].Tracks[0].Content.ToArray());
    }

    [Fact]
    public async Task DownloadThatKeepsFailing_NeedsAttention_AndIsNeverCompleted()
    {
        await using var fleet = await FleetBuilder.StartAsync([822], tracksPerDevice: 1);
        fleet[822].Faults.Add(DeviceFault.AbortAfter(5_000));
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet));

        var motion = await server.WaitForAsync(822, m => m.Attention is not null && m.FailedAttempts >= 4);

        motion.Status.Should().NotBe(MotionStatus.Completed);
        motion.Attention.Should().StartWith("1 track(s) failed: ");
        motion.Tracks.Failed.Should().Be(1);
        server.Log.Lines.Should().ContainSingle(l => l.Level == LogLevel.Error && l.Message.StartsWith("motion-822 needs attention - 1 track(s) failed: ", StringComparison.Ordinal));
        server.Log.Messages().Should().NotContain("motion-822 can be disconnected");
        server.FilesUnderTracks().Should().BeEmpty("a failed transfer leaves no file, partial or final");
        var status = await server.ForStatusAsync(s => s.NoticeCodes().Contains(global::MotionServer.Pipeline.Notices.NoticeCodes.DevicesNeedAttention),
            page => page.Contains("id=\"notice-devices-need-attention\"", StringComparison.Ordinal));
        status.GetProperty("notices")[0].GetProperty("text").GetString().Should().StartWith("1 device(s) keep failing and need attention: motion-822");
    }

    [Fact]
    public async Task StopMidDownload_LeavesNoFileAtTheFinalName_AndStopsInTime()
    {
        await using var fleet = await FleetBuilder.StartAsync([823], tracksPerDevice: 1, bandwidth: 20_000); // a 5-minute track takes ~4 s
        var track = fleet[823].Tracks[0];
        var started = Tests.Emulator.Signal.Progress(fleet[823], p => p.BytesSent > 10_000);
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet), o => o.Host.ShutdownTimeout = TimeSpan.FromSeconds(1.5));
        await started;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await server.StopAsync();
        clock.Stop();

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the stop fits in Host:ShutdownTimeout, with margin");
        File.Exists(server.TrackPath(ExpectedName(823, track))).Should().BeFalse();
        server.FilesUnderTracks().Should().BeEmpty("the partial file is removed");
        var ledger = new LedgerStore(server.Folder).Load("motion-823", out _);
        ledger.Entries.Values.Should().ContainSingle().Which.Status.Should().Be(LedgerStatus.Queued);
        server.Fleet.GetSnapshot().Running.Should().BeFalse();
    }

    [Fact]
    public async Task OwedTrackDeletedFromTheDevice_IsReportedAndTheDeviceNeverSaidDisconnectable()
    {
        await using var fleet = await FleetBuilder.StartAsync([824], tracksPerDevice: 2);
        var doomed = fleet[824].Tracks[0];
        using var breaking = fleet[824].Faults.Add(DeviceFault.AbortAfter(1_000).On(doomed.Path));
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet), o => o.Retry.AttemptsBeforeAttention = 2);
        await server.WaitForAsync(824, m => m.Tracks.Failed == 1 && m.Tracks.Completed == 1);

        fleet[824].RemoveTrack(doomed.Path).Should().BeTrue();

        var motion = await server.WaitForAsync(824, m => m.Attention?.Contains("no longer listed by the device", StringComparison.Ordinal) == true);
        motion.Status.Should().Be(MotionStatus.Failed);
        motion.CanBeDisconnected.Should().BeFalse();
        server.Log.Messages().Should().NotContain("motion-824 can be disconnected");
        server.Log.Messages().Should().Contain(m => m.StartsWith("motion-824 track refused - ", StringComparison.Ordinal));
    }
}
