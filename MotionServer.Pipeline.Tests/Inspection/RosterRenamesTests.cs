using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Inspection;

/// <summary>Issue 17: a File ID correction renames the downloaded tracks from the ledger alone, the device away.</summary>
public sealed class RosterRenamesTests : IDisposable
{
    private static readonly DateTime LocalStart = new(2025, 10, 12, 11, 2, 9);
    private readonly StageRig _rig = new(new FakeTimeProvider(), deviceIds: 817);

    public void Dispose() => _rig.Dispose();

    private static MotionRoster Roster(string fileId) => MotionRoster.Create(
        [new RosterEntry { MotionId = 817, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 12), FileId = fileId, Line = 2 }]);

    private static LedgerEntry Entry(TrackName name, string motionFile, LedgerStatus status) => new()
    {
        MotionFile = motionFile, LocalFile = EventFolder.RelativeTrackPath(name), Size = 1000, Status = status,
    };

    private void Download(DeviceLedger ledger, TrackName name, string motionFile)
    {
        ledger.Set(name.FileName, Entry(name, motionFile, LedgerStatus.Completed));
        string path = _rig.Folder.TrackFile(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[1000]);
    }

    [Fact]
    public void Run_CorrectedFileId_RenamesCompletedTracks_KeepsTheSameSecondVariant_AndLeavesOwedOnes()
    {
        var plain = TrackName.Create("OLD", 817, LocalStart);
        var variant = plain.ForSameSecond("/logs/b.oao");
        var owed = TrackName.Create("OLD", 817, LocalStart.AddHours(2));
        var ledger = new DeviceLedger();
        Download(ledger, plain, "/logs/a.oao");
        Download(ledger, variant, "/logs/b.oao");
        ledger.Set(owed.FileName, Entry(owed, "/logs/c.oao", LedgerStatus.Queued));
        var store = new LedgerStore(_rig.Folder);
        store.Save("motion-817", ledger);

        int renamed = new RosterRenames(_rig.Folder, store, _rig.Fleet, _rig.FleetLog).Run(817, Roster("NEW"));

        renamed.Should().Be(2);
        var newPlain = TrackName.Create("NEW", 817, LocalStart);
        var newVariant = newPlain.ForSameSecond("/logs/b.oao");
        store.Load("motion-817", out _).Entries.Keys.Should().BeEquivalentTo(newPlain.FileName, newVariant.FileName, owed.FileName);
        File.Exists(_rig.Folder.TrackFile(newPlain)).Should().BeTrue();
        File.Exists(_rig.Folder.TrackFile(newVariant)).Should().BeTrue();
        File.Exists(_rig.Folder.TrackFile(plain)).Should().BeFalse();
        _rig.Log.Messages().Should().Contain($"motion-817 {plain.FileName} renamed to {newPlain.FileName} - the roster corrected its File ID");
    }

    [Fact]
    public void Run_DeviceNeverInspected_WritesNothing()
    {
        int renamed = new RosterRenames(_rig.Folder, new LedgerStore(_rig.Folder), _rig.Fleet, _rig.FleetLog).Run(817, Roster("NEW"));

        renamed.Should().Be(0);
        File.Exists(_rig.Folder.LedgerFile("motion-817")).Should().BeFalse("no downloads.json for a device never inspected");
    }
}
