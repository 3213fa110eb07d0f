using MotionServer.Emulator.Devices;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Emulator;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 4, guarantee 2 (in process; the host process is killed in <see cref="HostProcessTests"/>): nothing is fetched
/// twice once complete; at start the folder is reconciled with the ledgers — leftovers of a crash are removed, a final
/// file of the wrong length is not trusted, a lost or unreadable ledger is rebuilt from the complete files — and a
/// completed track whose announced size changes is fetched again and replaces the old copy atomically.
/// </summary>
public sealed class RestartTests : ReliabilityTest
{
    [Fact]
    public async Task Restart_AfterACrashLeftTemporaryFilesAndAShortTrack_CleansUp_AndFetchesOnlyTheShortOne()
    {
        await using var fleet = await FleetBuilder.StartAsync([922], tracksPerDevice: 3);
        var roster = PipelineHarness.RosterFor(fleet);
        await using (var first = await StartAsync(fleet, roster))
        {
            await first.WaitForCompletedAsync(922, tracks: 3);
        }

        var folder = new EventFolder(EventDirectory);
        var expected = ExpectedTracks.Of(fleet, roster);
        string shortName = expected.Keys.Order(StringComparer.Ordinal).First();
        TrackName.TryParse(shortName, out var parsed).Should().BeTrue();
        string shortPath = folder.TrackFile(parsed!);
        using (var stream = new FileStream(shortPath, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2); // what a crash during an old, non-atomic copy would leave
        }

        string[] leftovers =
        [
            Path.Combine(Path.GetDirectoryName(shortPath)!, $".{shortName}.{Guid.NewGuid():N}{EventFolder.PartialSuffix}"),
            Path.Combine(folder.DeviceDirectory("motion-922"), $".downloads.json.{Guid.NewGuid():N}{EventFolder.TemporarySuffix}"),
            Path.Combine(folder.DashboardsDirectory, $".status.json.{Guid.NewGuid():N}{EventFolder.TemporarySuffix}"),
        ];
        foreach (string leftover in leftovers)
        {
            File.WriteAllBytes(leftover, new byte[100]);
        }

        int before = TrackRequests(fleet[922]);
        await using var second = await StartAsync(fleet, roster);
        await second.WaitForCompletedAsync(922, tracks: 3);

        TrackRequests(fleet[922]).Should().Be(before + 1, "only the track whose file was short is fetched again");
        second.Log.Messages().Should().Contain("Removed 3 temporary file(s) left by an earlier run")
            .And.Contain(m => m.StartsWith($"motion-922 {shortName} was recorded as completed but its length is ", StringComparison.Ordinal) && m.EndsWith("; it will be fetched again", StringComparison.Ordinal));
        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(folder, expected);
        await second.StopAsync(); // a finished run: nothing is being rewritten any more
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
        EventFolderScan.LedgersShouldMatchFiles(folder);
        EventFolderScan.NothingOutsideTheLayout(EventDirectory);
    }

    [Theory]
    [InlineData("lost")]
    [InlineData("unreadable")]
    public async Task Restart_WithALostOrUnreadableLedger_AdoptsTheCompleteFiles_AndFetchesNothingTwice(string damage)
    {
        await using var fleet = await FleetBuilder.StartAsync([923], tracksPerDevice: 2);
        await using (var first = await StartAsync(fleet))
        {
            await first.WaitForCompletedAsync(923, tracks: 2);
        }

        string ledger = new EventFolder(EventDirectory).LedgerFile("motion-923");
        if (damage == "lost")
        {
            File.Delete(ledger);
        }
        else
        {
            File.WriteAllText(ledger, "{ \"F923_923_2025"); // half a file, as a full disk or an editor may leave it
        }

        int before = TrackRequests(fleet[923]);
        await using var second = await StartAsync(fleet);
        await second.WaitForCompletedAsync(923, tracks: 2);

        TrackRequests(fleet[923]).Should().Be(before, "complete files are adopted, not fetched again");
        second.Log.Messages().Count(m => m.StartsWith("motion-923 F923_", StringComparison.Ordinal) && m.Contains(" already present - ", StringComparison.Ordinal)).Should().Be(2);
        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(second.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        EventFolderScan.LedgersShouldMatchFiles(second.Folder);
    }

    [Fact]
    public async Task CompletedTrackWhoseSizeChanges_IsFetchedAgain_AndReplacesTheOldCopyAtomically()
    {
        await using var fleet = await FleetBuilder.StartAsync([921], tracksPerDevice: 1);
        var roster = PipelineHarness.RosterFor(fleet);
        await using var server = await StartAsync(fleet, roster);
        await server.WaitForCompletedAsync(921, tracks: 1);
        var old = fleet[921].Tracks[0];
        string name = ExpectedTracks.FileName(roster, 921, old)!;
        string path = server.TrackPath(name);

        await fleet[921].LeaveAsync(); // out sailing again; "one log per day" logs on into the day's file
        await server.WaitForAsync(921, m => m.Status == MotionStatus.Disconnected);

        // The day's log, longer: a whole valid file (its header summarising every frame), so that it verifies.
        var appended = FleetBuilder.Track(921, session: 0, minutes: 8);
        appended.Path.Should().Be(old.Path);
        fleet[921].PutTrack(appended);
        fleet[921].BandwidthBytesPerSecond = 40_000;
        var midway = Signal.Progress(fleet[921], p => p.Path == old.Path && p.BytesSent > old.Size);
        await fleet[921].JoinAsync();
        await midway;

        File.ReadAllBytes(path).Should().Equal(old.Content.ToArray(), "until the new copy is complete, the old one stays whole at the final name");

        var done = await server.WaitForAsync(921, m => m.Status == MotionStatus.Completed && m.BytesDownloaded == appended.Size);

        done.Tracks.Completed.Should().Be(1);
        File.ReadAllBytes(path).Should().Equal(appended.Content.ToArray());
        new LedgerStore(server.Folder).Load("motion-921", out _).Find(name)!.Size.Should().Be(appended.Size);
        TrackRequests(fleet[921]).Should().Be(2);
        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, roster));
        await server.StopAsync(); // a finished run: nothing is being rewritten any more
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
    }

    private static int TrackRequests(EmulatedDevice device) =>
        device.Requests.Count(r => r.Path.EndsWith(".oao", StringComparison.Ordinal));
}
