using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 9: a full disk and a folder that turns read-only while the server runs, on a real (tmpfs) file system. The
/// device ends failed with the true reason and its contract line, nothing half-written remains, the server runs on,
/// and once space (or write access) returns the track is fetched, byte-identical.
/// </summary>
public sealed class FileSystemFaultTests : ReliabilityTest
{
    [RootFact]
    public async Task DiskFullWhileRunning_TheDeviceFailsWithTheReason_NothingHalfWritten_AndItRecoversWhenSpaceReturns()
    {
        using var disk = Tmpfs.Mount(EventDirectory, 4 * 1024 * 1024);
        await using var fleet = await FleetBuilder.StartAsync([905], tracksPerDevice: 1, join: false);
        // The free-space check (Limits:MinFreeDiskBytes) would pause the download before the disk fills (proven by
        // Reliability.DiskSpaceTests); off here, to prove what a write that runs out of space still leaves: a failed attempt.
        await using (var server = await StartAsync(fleet, configure: o => o.Limits.MinFreeDiskBytes = 0))
        {
            string filler = disk.Fill(leftBytes: 24 * 1024); // room for the JSON documents, not for the track
            await fleet.JoinAllAsync();

            var failed = await server.WaitForAsync(905, m => m.LastError?.Contains("No space left on device", StringComparison.Ordinal) == true);

            failed.Status.Should().Be(MotionStatus.Failed);
            server.Log.Messages(LogLevel.Error).Should().Contain(m => m.StartsWith("motion-905 ", StringComparison.Ordinal) && m.Contains("No space left on device"));
            server.FilesUnderTracks().Should().BeEmpty("no partial file and no short track remain");

            File.Delete(filler);
            await server.WaitForCompletedAsync(905, tracks: 1);
            EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
            Watch!.ShouldHaveSeenNoViolation();
        }

        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
    }

    [RootFact]
    public async Task TracksFolderTurnsReadOnlyWhileRunning_TheAttemptFailsWithItsLine_AndRecoversWhenWritableAgain()
    {
        using var tracks = Tmpfs.Mount(Path.Combine(EventDirectory, "gpslogs"), 4 * 1024 * 1024);
        await using var fleet = await FleetBuilder.StartAsync([906], tracksPerDevice: 1, join: false);
        await using (var server = await StartAsync(fleet))
        {
            tracks.ReadOnly(true);
            await fleet.JoinAllAsync();

            string name = ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)).Keys.Single();
            string line = await WaitForLogAsync(server, m => m.StartsWith($"motion-906 {name} failed - ", StringComparison.Ordinal));

            line.Should().Contain("Read-only file system");
            (await server.WaitForAsync(906, m => m.Status == MotionStatus.Failed)).LastError.Should().Contain("Read-only file system");

            tracks.ReadOnly(false);
            await server.WaitForCompletedAsync(906, tracks: 1);
            EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        }

        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
    }

    [RootFact]
    public async Task LedgerThatCannotBeWrittenWhenATrackCompletes_TheAttemptFailsWithItsLineAndTrueReason_AndTheTrackIsKept()
    {
        using var motions = Tmpfs.Mount(Path.Combine(EventDirectory, "motions"), 4 * 1024 * 1024);
        await using var fleet = await FleetBuilder.StartAsync([910], tracksPerDevice: 1, bandwidth: 40_000, join: false);
        var midway = Tests.Emulator.Signal.Progress(fleet[910], p => p.Path.EndsWith(".oao", StringComparison.Ordinal) && p.BytesSent > 20_000);
        await fleet.JoinAllAsync();
        await using (var server = await StartAsync(fleet))
        {
            string name = ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)).Keys.Single();
            await midway;
            motions.ReadOnly(true); // the ledger (and the history) can no longer be written

            string line = await WaitForLogAsync(server, m => m.StartsWith($"motion-910 {name} failed - ", StringComparison.Ordinal));

            line.Should().Contain("cannot update the ledger motion-910/downloads.json: Read-only file system");
            File.Exists(server.TrackPath(name)).Should().BeTrue("a downloaded track is never deleted");
            motions.ReadOnly(false);
            await server.WaitForCompletedAsync(910, tracks: 1); // adopted from disk, not fetched again
            fleet[910].Requests.Count(r => r.Path.EndsWith(".oao", StringComparison.Ordinal)).Should().Be(1);
            EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        }

        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
    }
}
