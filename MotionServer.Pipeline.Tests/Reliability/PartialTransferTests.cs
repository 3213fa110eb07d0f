using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Faults;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 4, guarantee 1: a track file exists at its final name only if it is complete. Short, long and interrupted
/// transfers are discarded (no file at the final name, no partial file left) and retried until byte-identical.
/// </summary>
public sealed class PartialTransferTests : ReliabilityTest
{
    [Theory]
    [InlineData("abort", "transfer broke")]
    [InlineData("missing", "the device sends")]
    [InlineData("extra", "the device sends")]
    public async Task FaultyTransfer_LeavesNoFileAtTheFinalName_AndIsRetriedUntilByteIdentical(string fault, string reason)
    {
        await using var fleet = await FleetBuilder.StartAsync([811, 812], tracksPerDevice: 2);
        fleet[811].Faults.Add(fault switch
        {
            "abort" => DeviceFault.AbortAfter(3_000).ForNext(3),
            "missing" => DeviceFault.MissingBytes(100).ForNext(3),
            _ => DeviceFault.ExtraBytes(100).ForNext(3),
        });
        await using var server = await StartAsync(fleet);

        await server.WaitForCompletedAsync(811, tracks: 2);
        await server.WaitForCompletedAsync(812, tracks: 2);

        server.Log.Lines.Where(l => l.Level == LogLevel.Error && l.Message.StartsWith("motion-811 F811_", StringComparison.Ordinal))
            .Should().NotBeEmpty().And.OnlyContain(l => l.Message.Contains($" failed - {reason}", StringComparison.Ordinal));
        Watch!.FailedChecks.Should().BeGreaterThanOrEqualTo(2, "each failure was checked at the moment it was logged");
        Watch.ShouldHaveSeenNoViolation();
        fleet[811].Requests.Count(r => r.Path.EndsWith(".oao", StringComparison.Ordinal)).Should().Be(5, "three faulty transfers, then the two tracks once each");
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        await server.StopAsync(); // a finished run: nothing is being rewritten any more
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
        EventFolderScan.LedgersShouldMatchFiles(server.Folder);
    }

    [Fact]
    public async Task TransferCutWhenTheDeviceLeaves_LeavesNoFile_AndCompletesWhenItReturns()
    {
        await using var fleet = await FleetBuilder.StartAsync([813], tracksPerDevice: 1, bandwidth: 40_000);
        var midway = Emulator.Signal.Progress(fleet[813], p => p.Path.EndsWith(".oao", StringComparison.Ordinal) && p.BytesSent > 20_000);
        await using var server = await StartAsync(fleet);
        await midway;

        await fleet[813].LeaveAsync();
        await server.WaitForAsync(813, m => m.Status is MotionStatus.Failed or MotionStatus.Disconnected);
        EventFolderScan.TrackFiles(server.Folder).Should().BeEmpty("the cut transfer left nothing at a final name");
        EventFolderScan.ShouldHaveNoTemporaryFiles(server.Folder.TracksDirectory);

        fleet[813].BandwidthBytesPerSecond = 0;
        await fleet[813].JoinAsync();
        await server.WaitForCompletedAsync(813, tracks: 1);

        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        EventFolderScan.LedgersShouldMatchFiles(server.Folder);
        var ledger = new LedgerStore(server.Folder).Load("motion-813", out _);
        ledger.Entries.Values.Should().ContainSingle().Which.Status.Should().Be(LedgerStatus.Completed);
    }

    [Fact]
    public async Task TrackThatKeepsBreaking_DoesNotHoldBackTheDevicesOtherTracks()
    {
        await using var fleet = await FleetBuilder.StartAsync([814], tracksPerDevice: 3);
        var broken = fleet[814].Tracks[^1]; // the newest: fetched first while it has never failed
        fleet[814].Faults.Add(DeviceFault.AbortAfter(1_000).On(broken.Path));
        var roster = PipelineHarness.RosterFor(fleet);
        await using var server = await StartAsync(fleet, roster);

        var motion = await server.WaitForAsync(814, m => m.Tracks.Completed == 2 && m.FailedAttempts >= 3);

        motion.Status.Should().NotBe(MotionStatus.Completed);
        motion.Tracks.Failed.Should().Be(1);
        var expected = ExpectedTracks.Of(fleet, roster).Where(t => t.Value.Path != broken.Path).ToDictionary(t => t.Key, t => t.Value);
        EventFolderScan.ShouldHoldExactly(server.Folder, expected);
        server.Log.Messages().Should().NotContain("motion-814 can be disconnected");
        Watch!.ShouldHaveSeenNoViolation();
    }
}
