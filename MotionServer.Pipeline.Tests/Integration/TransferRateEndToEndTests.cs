using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Integration;

/// <summary>What the staff read off the pages while a device is in: its rate and time remaining; a hosts file that is not there.</summary>
public sealed class TransferRateEndToEndTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SlowDevice_StatusAndPageShowRateAndTimeRemaining_WhileDownloading()
    {
        // Two sessions of an hour (~0.9 MB each) at 300 kB/s: some six seconds of transfer.
        var tracks = new[] { FleetBuilder.Track(893, session: 0, minutes: 60), FleetBuilder.Track(893, session: 2, minutes: 60) };
        await using var fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(893), tracks)], new FleetOptions { BandwidthBytesPerSecond = 300_000 });
        await fleet.JoinAllAsync();
        await using var server = await PipelineHarness.StartAsync(_folder.Combine("event"), fleet, PipelineHarness.RosterFor(fleet));

        var status = await server.ForStatusAsync(
            // "rate" is left out of status.json while the device is not downloading: absent is "not yet", not an error.
            s => s.GetProperty("motions")[0].TryGetProperty("rate", out var rate) && rate.ValueKind == System.Text.Json.JsonValueKind.Number,
            page => page.Contains("class=\"speed\"", StringComparison.Ordinal) && page.Contains("class=\"remaining\"", StringComparison.Ordinal));

        var motion = status.GetProperty("motions")[0];
        motion.GetProperty("status").GetString().Should().Be("downloading");
        motion.GetProperty("rate").GetInt64().Should().BeInRange(30_000, 3_000_000, "the emulated device sends about 300 kB/s");
        motion.GetProperty("remaining").GetInt64().Should().BeInRange(0, 120);
        await server.WaitForCompletedAsync(893, tracks: 2);
        server.Fleet.GetMotion(893)!.Transfer.Should().BeNull();
    }

    [Fact]
    public async Task HostsFileMissing_NoticeOnThePagesAndInStatus()
    {
        await using var fleet = await FleetBuilder.StartAsync([894]);
        await using var server = await PipelineHarness.StartAsync(_folder.Combine("event"), fleet, PipelineHarness.RosterFor(fleet),
            configure: o => o.Network.HostsFile = "config/no-such-hosts");

        var status = await server.ForStatusAsync(s => s.NoticeCodes().Contains(NoticeCodes.HostsFileUnreadable),
            page => page.Contains("id=\"notice-hosts-file-unreadable\"", StringComparison.Ordinal));

        status.GetProperty("notices")[0].GetProperty("text").GetString().Should().StartWith("The hosts file config/no-such-hosts (Network:HostsFile, ").And.Contain("does not exist");
        server.Log.Messages().Should().ContainSingle(m => m.StartsWith("The hosts file config/no-such-hosts", StringComparison.Ordinal));
        server.Fleet.GetMotion(894)!.Status.Should().Be(MotionStatus.Waiting);
    }
}
