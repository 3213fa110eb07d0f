using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Inspection;

/// <summary>
/// Issue 17: a File ID corrected in its case only (<c>abc</c> to <c>ABC</c>). On a case-insensitive file system (Windows,
/// macOS: the usual event laptops) the old and the new name are one file; simulated here by
/// <see cref="CaseInsensitiveTrackFiles"/>, and checked on this machine's own file system too.
/// </summary>
public sealed class TrackRenamerTests : IDisposable
{
    private const long Start = 1760263329000; // 11:02:09 local at +60
    private const string Lower = "abc_817_20251012_110209.oao";
    private const string Upper = "ABC_817_20251012_110209.oao";
    private readonly TemporaryFolder _temp = new();
    private readonly CaseInsensitiveTrackFiles _caseInsensitive = new();

    public void Dispose() => _temp.Dispose();

    private static DeviceLog Log() => new() { File = "/logs/a.oao", Size = 1000, Timezone = 60, StartDate = Start, Duration = 5000, Best500m = 7622 };

    private static MotionRoster Roster(string fileId) => MotionRoster.Create(
        [new RosterEntry { MotionId = 817, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 12), FileId = fileId, Line = 2 }]);

    private static LedgerEntry Completed(string name) => new()
    {
        MotionFile = "/logs/a.oao", LocalFile = $"gpslogs/20251012/{name}", Size = 1000, StartDate = Start, Duration = 5000, Best500m = 7622,
        Status = LedgerStatus.Completed,
    };

    private TrackPlan Plan(DeviceLedger ledger, ITrackFiles files) =>
        new TrackPlanner(new MotionServerOptions(), new EventFolder(_temp.Path), files).Plan(817, [Log()], new DeviceSettings { Timezone = 60 }, Roster("ABC"), ledger);

    private string[] TrackFiles() =>
        [.. Directory.GetFiles(_temp.Combine("gpslogs", "20251012")).Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void CaseOnlyCorrection_OnACaseInsensitiveDisk_RenamesThroughATemporaryName_AndLeavesOneEntry()
    {
        var ledger = new DeviceLedger([new(Lower, Completed(Lower))]);
        _temp.Write($"gpslogs/20251012/{Lower}", new string('x', 1000));

        var plan = Plan(ledger, _caseInsensitive);

        plan.Downloads.Tracks.Should().BeEmpty();
        plan.Renamed.Should().Equal((Lower, Upper));
        ledger.Entries.Keys.Should().Equal([Upper], "one track, one entry: status.json counts it once");
        ledger.Find(Upper).Should().Be(Completed(Upper));
        TrackFiles().Should().Equal([Upper], "one file, in the new case");
        _caseInsensitive.Moves.Should().Equal(($"{Lower}", $".{Upper}.renaming"), ($".{Upper}.renaming", Upper));
    }

    [Fact]
    public void CaseOnlyCorrection_OnThisMachinesDisk_RenamesTheFile_AndLeavesOneEntry()
    {
        var ledger = new DeviceLedger([new(Lower, Completed(Lower))]);
        _temp.Write($"gpslogs/20251012/{Lower}", new string('x', 1000));

        var plan = Plan(ledger, new TrackFiles());

        plan.Renamed.Should().Equal((Lower, Upper));
        ledger.Entries.Keys.Should().Equal([Upper]);
        TrackFiles().Should().Equal([Upper]);
        File.ReadAllText(_temp.Combine("gpslogs", "20251012", Upper)).Should().HaveLength(1000);
    }

    [Fact]
    public void LedgerWithBothCasesForOneFile_OnACaseInsensitiveDisk_KeepsTheNewNameOnly()
    {
        // What a server before this rule left: the old entry kept, the same file adopted again under the new name.
        var ledger = new DeviceLedger([new(Lower, Completed(Lower)), new(Upper, Completed(Upper))]);
        _temp.Write($"gpslogs/20251012/{Lower}", new string('x', 1000));

        var plan = Plan(ledger, _caseInsensitive);

        plan.LedgerChanged.Should().BeTrue();
        plan.Downloads.Tracks.Should().BeEmpty();
        ledger.Entries.Keys.Should().Equal([Upper]);
        TrackFiles().Should().Equal([Upper]);
    }

    [Fact]
    public void CaseOnlyCorrection_StoppedBetweenItsTwoSteps_IsFinished_NotFetchedAgain()
    {
        var ledger = new DeviceLedger([new(Lower, Completed(Lower))]);
        _temp.Write($"gpslogs/20251012/.{Upper}.renaming", new string('x', 1000)); // a power cut after the first rename

        var plan = Plan(ledger, _caseInsensitive);

        plan.Downloads.Tracks.Should().BeEmpty();
        ledger.Entries.Keys.Should().Equal([Upper]);
        TrackFiles().Should().Equal([Upper]);
        _caseInsensitive.Moves.Should().Equal(($".{Upper}.renaming", Upper));
    }

    [Fact]
    public void CaseOnlyCorrection_FileAlreadyInTheNewCase_MovesTheEntryOnly()
    {
        var ledger = new DeviceLedger([new(Lower, Completed(Lower))]);
        _temp.Write($"gpslogs/20251012/{Upper}", new string('x', 1000));

        var plan = Plan(ledger, _caseInsensitive);

        plan.Downloads.Tracks.Should().BeEmpty();
        ledger.Entries.Keys.Should().Equal([Upper]);
        _caseInsensitive.Moves.Should().BeEmpty();
        TrackFiles().Should().Equal([Upper]);
    }

    [Fact]
    public void CaseOnlyCorrection_OnACaseSensitiveDiskWithBothFiles_RenamesNothing()
    {
        var ledger = new DeviceLedger([new(Lower, Completed(Lower))]);
        _temp.Write($"gpslogs/20251012/{Lower}", new string('x', 1000));
        _temp.Write($"gpslogs/20251012/{Upper}", new string('y', 1000));

        var plan = Plan(ledger, new TrackFiles());

        plan.Renamed.Should().BeEmpty("the new name is another file's");
        TrackFiles().Should().BeEquivalentTo([Lower, Upper]);
        File.ReadAllText(_temp.Combine("gpslogs", "20251012", Lower)).Should().StartWith("x");
    }
}
