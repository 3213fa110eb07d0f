using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 9: roster edits reach devices that already finished. A correction that makes a track the event's makes it
/// owed at once (fetched now, the device present; never "completed" meanwhile); a corrected File ID renames the
/// downloaded files and their ledger entries — no fetch again, no duplicate, nothing deleted.
/// </summary>
public sealed class RosterEditTests : ReliabilityTest
{
    private static MotionRoster Roster(int id, string fileId, int fromDays, int toDays) => MotionRoster.Create(
    [
        new RosterEntry
        {
            MotionId = id, FileId = fileId, FirstName = "Test", FamilyName = $"Sailor{id}",
            StartDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(fromDays)),
            EndDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(toDays)),
        },
    ]);

    [Fact]
    public async Task RosterCorrections_ReachAFinishedDevice_TracksBecomeOwedAndAreFetched_ThenAFileIdCorrectionRenamesThem()
    {
        await using var fleet = await FleetBuilder.StartAsync([895], tracksPerDevice: 2);
        var roster = new SwitchableRosterSource(Roster(895, "F895", -60, -50)); // a wrong event date: nothing is the event's
        await using var server = await PipelineHarness.StartAsync(EventDirectory, fleet, roster);
        await WaitForLogAsync(server, m => m == "motion-895 can be disconnected");
        server.Fleet.GetMotion(895)!.Status.Should().Be(MotionStatus.Completed);
        var statuses = new List<MotionStatus>();
        server.Fleet.StatusChanged += (_, change) =>
        {
            lock (statuses)
            {
                statuses.Add(change.Current);
            }
        };

        roster.Switch(Roster(895, "F895", -15, 15)); // corrected: both tracks are the event's
        var motion = await server.WaitForCompletedAsync(895, tracks: 2);

        lock (statuses)
        {
            statuses.Should().StartWith(MotionStatus.Connected, "a finished device is never left completed while it owes a track")
                .And.Contain(MotionStatus.Downloading);
        }

        motion.Tracks.Owed.Should().Be(0);
        var before = new LedgerStore(server.Folder).Load("motion-895", out _).Entries.Keys.ToArray();
        before.Should().HaveCount(2).And.OnlyContain(n => n.StartsWith("F895_895_", StringComparison.Ordinal));
        int fetched = TrackRequests(fleet);
        fetched.Should().Be(2);

        roster.Switch(Roster(895, "G895", -15, 15)); // the File ID corrected
        await WaitForLogAsync(server, m => m.StartsWith("motion-895 F895_895_", StringComparison.Ordinal) && m.Contains(" renamed to G895_895_"));
        await server.WaitForAsync(895, m => m.Status == MotionStatus.Completed && m.TrackList.All(t => t.FileName.StartsWith("G895", StringComparison.Ordinal)));

        var ledger = new LedgerStore(server.Folder).Load("motion-895", out _);
        ledger.Entries.Keys.Should().BeEquivalentTo(before.Select(n => "G" + n[1..]));
        ledger.Entries.Values.Should().OnlyContain(e => e.Status == LedgerStatus.Completed && e.LocalFile.Contains("/G895_895_"));
        var files = Directory.GetFiles(server.Folder.TracksDirectory, "*.oao", SearchOption.AllDirectories).Select(Path.GetFileName);
        files.Should().BeEquivalentTo(ledger.Entries.Keys, "renamed, not copied: no duplicate under the old name");
        TrackRequests(fleet).Should().Be(fetched, "nothing is fetched again");
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, roster.Current));
        server.Log.Messages(LogLevel.Error).Should().BeEmpty();
    }

    [Fact]
    public async Task AFileIdCorrection_ReachesADeviceThatHasLeft_ItsTracksAreRenamedAtOnce()
    {
        // Issue 17: the roster fixed in the evening, after the riders have left. The ledger has all that is needed.
        await using var fleet = await FleetBuilder.StartAsync([896], tracksPerDevice: 2);
        var roster = new SwitchableRosterSource(Roster(896, "F896", -15, 15));
        await using var server = await PipelineHarness.StartAsync(EventDirectory, fleet, roster);
        await server.WaitForCompletedAsync(896, tracks: 2);
        await fleet[896].LeaveAsync();
        await server.WaitForAsync(896, m => m.Status == MotionStatus.Disconnected);
        var before = new LedgerStore(server.Folder).Load("motion-896", out _).Entries.Keys.ToArray();

        roster.Switch(Roster(896, "G896", -15, 15)); // the File ID corrected, the device gone; renames are logged once saved
        await WaitForLogAsync(server, m => m.StartsWith("motion-896 F896_896_", StringComparison.Ordinal) && m.Contains(" renamed to G896_896_"));

        var ledger = new LedgerStore(server.Folder).Load("motion-896", out _);
        ledger.Entries.Keys.Should().BeEquivalentTo(before.Select(n => "G" + n[1..]));
        ledger.Entries.Values.Should().OnlyContain(e => e.Status == LedgerStatus.Completed && e.LocalFile.Contains("/G896_896_"));
        Directory.GetFiles(server.Folder.TracksDirectory, "*.oao", SearchOption.AllDirectories).Select(Path.GetFileName)
            .Should().BeEquivalentTo(ledger.Entries.Keys, "renamed, not copied");
        server.Fleet.GetMotion(896)!.Status.Should().Be(MotionStatus.Disconnected, "renamed without the device");
        fleet[896].Requests.Count(r => r.Path.EndsWith(".oao", StringComparison.Ordinal)).Should().Be(2, "nothing is fetched again");
        server.Log.Messages(LogLevel.Error).Should().BeEmpty();
    }

    private static int TrackRequests(MotionServer.Emulator.Fleet.EmulatedFleet fleet) =>
        fleet[895].Requests.Count(r => r.Path.EndsWith(".oao", StringComparison.Ordinal));
}
