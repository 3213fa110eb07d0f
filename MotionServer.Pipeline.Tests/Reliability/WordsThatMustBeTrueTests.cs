using System.Text.Json;
using MotionServer.Emulator.Faults;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Emulator;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>Issue 9, "words that must be true": what the log, the dashboards and the folder say is what happened.</summary>
public sealed class WordsThatMustBeTrueTests : ReliabilityTest
{
    [Fact]
    public async Task DeviceThatLeavesMidInspection_IsDisconnected_NotFailed_AndNotCountedTowardsAttention()
    {
        await using var fleet = await FleetBuilder.StartAsync([896, 897], tracksPerDevice: 1);
        using var slow = fleet[896].Faults.Add(DeviceFault.Delay(TimeSpan.FromSeconds(30), "/logs.json"));
        var settingsServed = Signal.Served(fleet[896], r => r.Path == "/settings.json");
        await using var server = await StartAsync(fleet, configure: o => o.Inspection.RequestTimeout = TimeSpan.FromSeconds(5));

        await settingsServed;
        int attemptsBefore = server.Fleet.GetMotion(896)!.FailedAttempts; // a cold start may have timed out once
        await fleet[896].LeaveAsync(); // out of WiFi range while logs.json is on its way
        var motion = await server.WaitForAsync(896, m => m.Status == MotionStatus.Disconnected);

        motion.FailedAttempts.Should().Be(attemptsBefore, "leaving is not a failed attempt");
        server.Log.Messages().Should().Contain(m => m.StartsWith("motion-896 left during inspection - logs.json", StringComparison.Ordinal))
            .And.Contain("motion-896 has been disconnected");
        server.Log.Messages(LogLevel.Error).Should().NotContain(m => m.StartsWith("motion-896 inspection failed - logs.json", StringComparison.Ordinal));

        slow.Dispose();
        await fleet[896].JoinAsync();
        await server.WaitForCompletedAsync(896, tracks: 1);
        await server.WaitForCompletedAsync(897, tracks: 1);
        Watch!.ShouldHaveSeenNoViolation();
    }

    [Fact]
    public async Task DeviceThatLeavesMidDownload_IsDisconnected_NotFailed_AndFinishesWhenItReturns()
    {
        await using var fleet = await FleetBuilder.StartAsync([894], tracksPerDevice: 1, bandwidth: 40_000);
        var midway = Emulator.Signal.Progress(fleet[894], p => p.Path.EndsWith(".oao", StringComparison.Ordinal) && p.BytesSent > 20_000);
        await using var server = await StartAsync(fleet, configure: o => o.Download.RequestTimeout = TimeSpan.FromSeconds(5));
        await midway;
        int attemptsBefore = server.Fleet.GetMotion(894)!.FailedAttempts;

        await fleet[894].LeaveAsync(); // out of WiFi range mid-track
        var motion = await server.WaitForAsync(894, m => m.Status == MotionStatus.Disconnected);

        motion.FailedAttempts.Should().Be(attemptsBefore, "leaving is not a failed attempt");
        motion.Attention.Should().BeNull();
        server.Log.Messages().Should().Contain(m => m.StartsWith("motion-894 left during download - ", StringComparison.Ordinal))
            .And.Contain("motion-894 has been disconnected");
        EventFolderScan.TrackFiles(server.Folder).Should().BeEmpty("the cut transfer left nothing at a final name");

        fleet[894].BandwidthBytesPerSecond = 0;
        await fleet[894].JoinAsync();
        await server.WaitForCompletedAsync(894, tracks: 1);
        Watch!.ShouldHaveSeenNoViolation();
    }

    [Fact]
    public async Task DeviceThatStaysButNeverAnswers_IsStillFailed()
    {
        await using var fleet = await FleetBuilder.StartAsync([898], tracksPerDevice: 1);
        using var slow = fleet[898].Faults.Add(DeviceFault.Delay(TimeSpan.FromSeconds(30), "/logs.json"));
        await using var server = await StartAsync(fleet, configure: o => o.Inspection.RequestTimeout = TimeSpan.FromSeconds(2));

        var motion = await server.WaitForAsync(898, m => m.FailedAttempts >= 1);

        motion.LastError.Should().Contain("logs.json did not arrive within");
        server.Log.Messages(LogLevel.Error).Should().Contain(m => m.StartsWith("motion-898 inspection failed - logs.json did not arrive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeviceWithNoTrackOfTheEvent_GetsAnEmptyLedger()
    {
        await using var fleet = await FleetBuilder.StartAsync([899], tracksPerDevice: 1);
        var elsewhere = MotionRoster.Create([new RosterEntry
        {
            MotionId = 899, FileId = "F899", StartDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-60)), EndDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-50)),
        }]);
        await using var server = await StartAsync(fleet, elsewhere);

        await WaitForLogAsync(server, m => m == "motion-899 can be disconnected");

        string directory = server.Folder.DeviceDirectory("motion-899");
        Directory.GetFiles(directory).Select(Path.GetFileName).Should().BeEquivalentTo(["info.json", "settings.json", "logs.json", "downloads.json"]);
        File.ReadAllText(Path.Combine(directory, "downloads.json")).Trim().Should().Be("{}");
    }

    [Fact]
    public async Task StopMidDownload_TheFinalStatusShowsNoDeviceDownloading()
    {
        await using var fleet = await FleetBuilder.StartAsync([900], tracksPerDevice: 1, bandwidth: 20_000);
        var started = Signal.Progress(fleet[900], p => p.BytesSent > 10_000);
        await using var server = await StartAsync(fleet, configure: o => o.Host.ShutdownTimeout = TimeSpan.FromSeconds(1.5));
        await started;
        server.Fleet.GetMotion(900)!.Status.Should().Be(MotionStatus.Downloading);

        await server.StopAsync();

        using var status = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(server.Folder.DashboardsDirectory, "status.json")));
        status.RootElement.GetProperty("server").GetString().Should().Be("stopped");
        var motion = status.RootElement.GetProperty("motions").EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == 900);
        motion.GetProperty("status").GetString().Should().NotBe("downloading");
        motion.GetProperty("tracks").GetProperty("downloading").GetInt32().Should().Be(0);
        motion.GetProperty("tracks").GetProperty("queued").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task ASubscriberThatThrows_DoesNotStopTheFleet_NorTheStop()
    {
        await using var fleet = await FleetBuilder.StartAsync([901, 902], tracksPerDevice: 1);
        await using var server = await StartAsync(fleet);
        server.Fleet.StatusChanged += (_, _) => throw new InvalidOperationException("embedder bug");

        await server.WaitForCompletedAsync(901, tracks: 1);
        await server.WaitForCompletedAsync(902, tracks: 1);
        await server.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        server.Log.Messages(LogLevel.Error).Should().Contain(m => m.StartsWith("A StatusChanged subscriber failed on motion-901", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FolderForTheTrackCannotBeCreated_TheAttemptFailsWithItsLineAndTrueReason_AndRecovers()
    {
        await using var fleet = await FleetBuilder.StartAsync([903], tracksPerDevice: 1, join: false);
        var expected = ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)).Keys.Single();
        string dateFolder = Path.Combine(EventDirectory, "gpslogs", expected.Split('_')[2]);
        Directory.CreateDirectory(Path.GetDirectoryName(dateFolder)!);
        File.WriteAllText(dateFolder, "a file where the date folder belongs");
        await fleet.JoinAllAsync();
        await using var server = await StartAsync(fleet);

        string line = await WaitForLogAsync(server, m => m.StartsWith($"motion-903 {expected} failed - ", StringComparison.Ordinal));

        line.Should().Contain("cannot create the folder").And.NotContain("cannot update the ledger");
        File.Delete(dateFolder);
        await server.WaitForCompletedAsync(903, tracks: 1);
    }
}
