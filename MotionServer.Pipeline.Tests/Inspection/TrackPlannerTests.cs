using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Inspection;

public sealed class TrackPlannerTests : IDisposable
{
    // 2025-10-12 10:02:09 UTC: 11:02:09 local at +60 minutes.
    private const long Start = 1760263329000;
    private const string Name = "ABC817XYZ_817_20251012_110209.oao";

    private readonly TemporaryFolder _temp = new();
    private readonly EventFolder _folder;
    private readonly MotionServerOptions _options = new();
    private readonly MotionRoster _roster = MotionRoster.Create(
    [
        new RosterEntry { MotionId = 817, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 12), FileId = "ABC817XYZ", Line = 2 },
        new RosterEntry { MotionId = 817, StartDate = new DateOnly(2025, 10, 13), EndDate = new DateOnly(2025, 10, 17), FileId = "DEF817XYZ", Line = 3 },
    ]);

    public TrackPlannerTests()
    {
        _folder = new EventFolder(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    private static DeviceLog Log(long start = Start, long size = 952928, long best500m = 7622, string file = "/logs/2025/10/0817_2025-10-12-1102.oao", int? timezone = 60) => new()
    {
        File = file,
        Size = size,
        Timezone = timezone,
        StartDate = start,
        EndDate = start + 21126000,
        Duration = 21126000,
        Distance = 25224543,
        Best2s = 7978,
        Best10s = 7788,
        Best500m = best500m,
    };

    private TrackPlan Plan(DeviceLedger ledger, params DeviceLog[] logs) =>
        new TrackPlanner(_options, _folder).Plan(817, logs, new DeviceSettings { Timezone = 60 }, _roster, ledger);

    private void WriteTrack(string name, long length)
    {
        string path = Path.Combine(_folder.TracksDirectory, name.Split('_')[2], name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[length]);
    }

    [Fact]
    public void Plan_NewEventTrack_IsQueuedWithTheContractLedgerEntry()
    {
        var ledger = new DeviceLedger();

        var plan = Plan(ledger, Log());

        plan.Downloads.Tracks.Should().ContainSingle().Which.FileName.Should().Be(Name);
        plan.LedgerChanged.Should().BeTrue();
        ledger.Find(Name).Should().BeEquivalentTo(new LedgerEntry
        {
            MotionFile = "/logs/2025/10/0817_2025-10-12-1102.oao",
            LocalFile = "gpslogs/20251012/" + Name,
            Size = 952928,
            StartDate = Start,
            EndDate = Start + 21126000,
            Duration = 21126000,
            Distance = 25224543,
            Best2s = 7978,
            Best10s = 7788,
            Best500m = 7622,
            Status = LedgerStatus.Queued,
        });
    }

    [Fact]
    public void Plan_TrackOutsideEveryRosterRow_GetsNoEntry()
    {
        var ledger = new DeviceLedger();

        var plan = Plan(ledger, Log(start: Start - (3L * 24 * 3600 * 1000)));

        plan.Downloads.Tracks.Should().BeEmpty();
        ledger.Count.Should().Be(0);
    }

    [Fact]
    public void Plan_UsesTheRowOfTheLocalDate_SoTheFileIdChangesWithTheDay()
    {
        var ledger = new DeviceLedger();
        long nextDay = new DateTimeOffset(2025, 10, 12, 23, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(); // 00:30 local on the 13th

        var plan = Plan(ledger, Log(start: nextDay));

        plan.Downloads.Tracks.Single().FileName.Should().Be("DEF817XYZ_817_20251013_003000.oao");
    }

    [Fact]
    public void Plan_LogWithoutTimezone_FallsBackToTheSettings()
    {
        var ledger = new DeviceLedger();

        Plan(ledger, Log(timezone: null)).Downloads.Tracks.Single().FileName.Should().Be(Name);
    }

    [Fact]
    public void Plan_SlowTrack_IsSkippedNotQueued()
    {
        var ledger = new DeviceLedger();

        var plan = Plan(ledger, Log(best500m: 500)); // below 1 knot (514.4 mm/s)

        plan.Downloads.Tracks.Should().BeEmpty();
        plan.NewlySkipped.Should().ContainSingle();
        ledger.Find(Name)!.Status.Should().Be(LedgerStatus.Skipped);
        Plan(ledger, Log(best500m: 500)).NewlySkipped.Should().BeEmpty("a skip is logged once, not at every visit");
    }

    [Fact]
    public void Plan_CompletedAndIntact_IsNotFetchedAgain()
    {
        var ledger = new DeviceLedger();
        Plan(ledger, Log());
        ledger.Set(Name, ledger.Find(Name)! with { Status = LedgerStatus.Completed });
        WriteTrack(Name, 952928);

        var plan = Plan(ledger, Log());

        plan.Downloads.Tracks.Should().BeEmpty();
        plan.LedgerChanged.Should().BeFalse();
    }

    [Fact]
    public void Plan_CompletedButAnnouncedWithAnotherSize_IsFetchedAgain()
    {
        var ledger = new DeviceLedger();
        Plan(ledger, Log());
        ledger.Set(Name, ledger.Find(Name)! with { Status = LedgerStatus.Completed });
        WriteTrack(Name, 952928);

        var plan = Plan(ledger, Log(size: 952928 + 52 * 100));

        plan.Downloads.Tracks.Should().ContainSingle();
        ledger.Find(Name)!.Should().Match<LedgerEntry>(e => e.Status == LedgerStatus.Queued && e.Size == 952928 + 5200);
    }

    [Fact]
    public void Plan_CompletedButFileMissing_IsFetchedAgain()
    {
        var ledger = new DeviceLedger();
        Plan(ledger, Log());
        ledger.Set(Name, ledger.Find(Name)! with { Status = LedgerStatus.Completed });

        Plan(ledger, Log()).Downloads.Tracks.Should().ContainSingle();
    }

    [Fact]
    public void Plan_FileAlreadyCompleteOnDiskWithoutLedger_IsAdoptedNotFetched()
    {
        WriteTrack(Name, 952928);
        var ledger = new DeviceLedger();

        var plan = Plan(ledger, Log());

        plan.Downloads.Tracks.Should().BeEmpty();
        plan.Adopted.Should().Equal(Name);
        ledger.Find(Name)!.Status.Should().Be(LedgerStatus.Completed);
    }

    [Fact]
    public void Plan_AdoptedFileOfTheRightLengthButNoTrack_IsRecordedDamaged()
    {
        WriteTrack(Name, 952928); // zeros: the right length, no frame of any kind
        var ledger = new DeviceLedger();

        Plan(ledger, Log());

        var verification = ledger.Find(Name)!.Verification;
        verification.Should().NotBeNull("an adopted file is verified like a download");
        verification!.IsDamaged.Should().BeTrue();
        verification.Defects.Should().NotBeEmpty();
    }

    [Fact]
    public void Plan_AdoptedHealthyTrack_IsRecordedValidWithItsFigures()
    {
        var track = MotionServer.Emulator.Tracks.SyntheticTrack.Generate(Tracks.Verification.VerificationSamples.Spec());
        string path = Path.Combine(_folder.TracksDirectory, "20251012", "ABC817XYZ_817_20251012_120209.oao");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, track.Content.ToArray());
        var log = Log(start: track.StartDate, size: track.Content.Length) with
        {
            EndDate = track.EndDate, Duration = track.Duration, Distance = track.Distance,
            Best2s = track.Best2s, Best10s = track.Best10s, Best500m = track.Best500m,
        };
        var ledger = new DeviceLedger();

        var plan = Plan(ledger, log);

        plan.Adopted.Should().Equal("ABC817XYZ_817_20251012_120209.oao");
        var verification = ledger.Find("ABC817XYZ_817_20251012_120209.oao")!.Verification!;
        verification.IsDamaged.Should().BeFalse(string.Join("; ", verification.Defects));
        verification.Best500m.Should().Be(track.Best500m);
        verification.Duration.Should().Be(track.Duration);
    }

    [Fact]
    public void Plan_ShortFileOnDisk_IsNotTrusted()
    {
        WriteTrack(Name, 1000);

        Plan(new DeviceLedger(), Log()).Downloads.Tracks.Should().ContainSingle();
    }

    [Fact]
    public void Plan_FailedTrack_StaysFailedAndIsOwed()
    {
        var ledger = new DeviceLedger();
        Plan(ledger, Log());
        ledger.Set(Name, ledger.Find(Name)! with { Status = LedgerStatus.Failed, Error = "boom" });

        var plan = Plan(ledger, Log());

        plan.Downloads.Tracks.Should().ContainSingle();
        ledger.Find(Name)!.Should().Match<LedgerEntry>(e => e.Status == LedgerStatus.Failed && e.Error == "boom");
    }

    [Fact]
    public void Plan_DamagedCopyKeptWhileItsRefetchFailed_IsOwedNotAdopted_AndKeepsItsVerification()
    {
        WriteTrack(Name, 952928);
        var ledger = new DeviceLedger();
        Plan(ledger, Log());
        var damaged = new LedgerVerification { Verdict = "damaged", Defects = ["bad checksum in frame 0x0AD5 at offset 16408"] };
        ledger.Set(Name, ledger.Find(Name)! with { Status = LedgerStatus.Failed, Error = "damaged; refetch: boom", Verification = damaged });

        var plan = Plan(ledger, Log());

        plan.Adopted.Should().BeEmpty("adopting it would record the damaged copy completed without its second fetch");
        plan.Downloads.Tracks.Should().ContainSingle();
        ledger.Find(Name)!.Should().Match<LedgerEntry>(e => e.Status == LedgerStatus.Failed && e.Verification == damaged);
    }

    [Fact]
    public void Plan_HostilePaths_AreRefusedAndNeverPlanned()
    {
        var ledger = new DeviceLedger();

        var plan = Plan(ledger,
            Log(file: "/logs/../../etc/passwd.oao"),
            Log(file: "http://evil.example/x.oao", start: Start + 1000),
            Log(file: "/logs/x\n.oao", start: Start + 2000));

        plan.RefusedPaths.Should().HaveCount(3);
        plan.Downloads.Tracks.Should().BeEmpty();
        ledger.Count.Should().Be(0);
    }

    [Fact]
    public void Plan_OtherFileTypes_AreIgnored()
    {
        var plan = Plan(new DeviceLedger(), Log(file: "/logs/2025/10/0817.sbp"));

        plan.Downloads.Tracks.Should().BeEmpty();
        plan.RefusedPaths.Should().BeEmpty();
    }

    [Fact]
    public void Plan_TrackLargerThanTheLimit_IsRefusedAndRecordedAsFailed()
    {
        _options.Limits.MaxTrackBytes = 1000;
        var ledger = new DeviceLedger();

        var plan = Plan(ledger, Log(size: 1001));

        plan.Downloads.Tracks.Should().BeEmpty();
        plan.Downloads.Refusals.Should().ContainSingle().Which.Should().Contain("Limits:MaxTrackBytes");
        ledger.Find(Name)!.Status.Should().Be(LedgerStatus.Failed);
    }

    [Fact]
    public void Plan_SeveralTracks_NewestFirst()
    {
        var plan = Plan(new DeviceLedger(), Log(), Log(start: Start + 3_600_000, file: "/logs/b.oao"), Log(start: Start - 3_600_000, file: "/logs/a.oao"));

        plan.Downloads.Tracks.Select(t => t.Log.File).Should().Equal("/logs/b.oao", "/logs/2025/10/0817_2025-10-12-1102.oao", "/logs/a.oao");
    }

    [Fact]
    public void Plan_TrackWhoseLastAttemptFailed_GoesAfterTheOthers()
    {
        var ledger = new DeviceLedger();
        var newest = Log(start: Start + 3_600_000, file: "/logs/b.oao");
        Plan(ledger, Log(), newest);
        string newestName = ledger.Entries.Keys.Max(StringComparer.Ordinal)!;
        ledger.Set(newestName, ledger.Find(newestName)! with { Status = LedgerStatus.Failed, Error = "transfer broke" });

        var plan = Plan(ledger, Log(), newest);

        plan.Downloads.Tracks.Select(t => t.Log.File).Should().Equal("/logs/2025/10/0817_2025-10-12-1102.oao", "/logs/b.oao");
    }

    [Fact]
    public void Plan_OwedTrackTheDeviceNoLongerLists_StaysOwedAndIsRefused()
    {
        var ledger = new DeviceLedger();
        Plan(ledger, Log());

        var plan = Plan(ledger); // the device's logs were deleted

        plan.Downloads.Tracks.Should().BeEmpty();
        plan.Downloads.Refusals.Should().ContainSingle().Which.Should().Contain("no longer listed by the device");
        ledger.Find(Name)!.Status.Should().Be(LedgerStatus.Failed);
    }

    [Fact]
    public void Plan_OwedTrackNoLongerTheEventsAfterARosterChange_LosesItsEntry()
    {
        var ledger = new DeviceLedger();
        Plan(ledger, Log());
        var narrower = MotionRoster.Create([new RosterEntry { MotionId = 817, StartDate = new DateOnly(2025, 10, 13), EndDate = new DateOnly(2025, 10, 17), FileId = "DEF817XYZ" }]);

        var plan = new TrackPlanner(_options, _folder).Plan(817, [Log()], new DeviceSettings { Timezone = 60 }, narrower, ledger);

        plan.Downloads.Refusals.Should().BeEmpty();
        ledger.Count.Should().Be(0);
    }

    [Fact]
    public void Plan_CompletedTrackTheDeviceNoLongerLists_IsKept()
    {
        var ledger = new DeviceLedger();
        Plan(ledger, Log());
        ledger.Set(Name, ledger.Find(Name)! with { Status = LedgerStatus.Completed });

        var plan = Plan(ledger);

        plan.Downloads.Refusals.Should().BeEmpty();
        ledger.Find(Name)!.Status.Should().Be(LedgerStatus.Completed);
    }
}

/// <summary>Issue 9: two logs with the same local start second are both kept, under names that never change.</summary>
public sealed class TrackPlannerSameSecondTests : IDisposable
{
    private const long Start = 1760263329000; // 11:02:09 local at +60
    private const string Plain = "ABC817XYZ_817_20251012_110209.oao";
    private readonly TemporaryFolder _temp = new();
    private readonly MotionRoster _roster = MotionRoster.Create(
        [new RosterEntry { MotionId = 817, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 12), FileId = "ABC817XYZ", Line = 2 }]);

    public void Dispose() => _temp.Dispose();

    private static DeviceLog Log(string file, long start = Start, int timezone = 60, long size = 1000) => new()
    {
        File = file, Size = size, Timezone = timezone, StartDate = start, Best500m = 7622,
    };

    private TrackPlan Plan(DeviceLedger ledger, params DeviceLog[] logs) =>
        new TrackPlanner(new MotionServerOptions(), new EventFolder(_temp.Path)).Plan(817, logs, new DeviceSettings { Timezone = 60 }, _roster, ledger);

    [Fact]
    public void Plan_TwoLogsInTheSameLocalSecond_AreBothQueued_TheFirstUnderThePlainName()
    {
        var ledger = new DeviceLedger();

        var plan = Plan(ledger, Log("/logs/b.oao", Start + 400), Log("/logs/a.oao", Start + 100));

        var names = plan.Downloads.Tracks.ToDictionary(t => t.Log.File, t => t.FileName);
        names["/logs/a.oao"].Should().Be(Plain, "it started first");
        names["/logs/b.oao"].Should().MatchRegex(@"^ABC817XYZ_817_20251012_110209_[0-9a-f]{8}\.oao$");
        ledger.Entries.Keys.Should().BeEquivalentTo(names.Values);
    }

    [Fact]
    public void Plan_TwoLogsWhoseStartsDifferByTheirTimeZones_AreBothQueued()
    {
        var plan = Plan(new DeviceLedger(), Log("/logs/a.oao", Start, timezone: 60), Log("/logs/b.oao", Start + 3_600_000, timezone: 0));

        plan.Downloads.Tracks.Select(t => t.FileName).Should().OnlyHaveUniqueItems().And.HaveCount(2).And.Contain(Plain);
    }

    [Fact]
    public void Plan_AgainInAnotherOrder_GivesEveryLogTheSameName_AndFetchesNothingTwice()
    {
        var ledger = new DeviceLedger();
        var first = Plan(ledger, Log("/logs/a.oao"), Log("/logs/b.oao"), Log("/logs/c.oao")).Downloads.Tracks
            .ToDictionary(t => t.Log.File, t => t.FileName);
        foreach (var (file, name) in first)
        {
            ledger.Set(name, ledger.Find(name)! with { Status = LedgerStatus.Completed });
            string path = Path.Combine(_temp.Path, "gpslogs", "20251012", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, new byte[1000]);
        }

        var again = Plan(ledger, Log("/logs/c.oao"), Log("/logs/b.oao"), Log("/logs/a.oao"));

        again.Downloads.Tracks.Should().BeEmpty();
        again.LedgerChanged.Should().BeFalse();
        ledger.Entries.ToDictionary(e => e.Value.MotionFile, e => e.Key).Should().BeEquivalentTo(first);
    }

    [Fact]
    public void Plan_TheLogTheLedgerRecordsUnderThePlainName_KeepsIt_EvenIfAnotherStartedEarlier()
    {
        var ledger = new DeviceLedger();
        Plan(ledger, Log("/logs/late.oao", Start + 900));

        var plan = Plan(ledger, Log("/logs/late.oao", Start + 900), Log("/logs/early.oao", Start + 100));

        ledger.Find(Plain)!.MotionFile.Should().Be("/logs/late.oao");
        plan.Downloads.Tracks.Single(t => t.Log.File == "/logs/early.oao").FileName.Should().NotBe(Plain);
    }
}

/// <summary>Issue 9: a corrected File ID renames the downloaded file and its ledger entry; nothing is fetched again.</summary>
public sealed class TrackPlannerFileIdCorrectionTests : IDisposable
{
    private const long Start = 1760263329000; // 11:02:09 local at +60
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static MotionRoster Roster(string fileId) => MotionRoster.Create(
        [new RosterEntry { MotionId = 817, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 12), FileId = fileId, Line = 2 }]);

    private static DeviceLog Log(long best500m = 7622) => new()
    {
        File = "/logs/a.oao", Size = 1000, Timezone = 60, StartDate = Start, Duration = 5000, Best500m = best500m,
    };

    private TrackPlan Plan(DeviceLedger ledger, string fileId, DeviceLog log) =>
        new TrackPlanner(new MotionServerOptions(), new EventFolder(_temp.Path)).Plan(817, [log], new DeviceSettings { Timezone = 60 }, Roster(fileId), ledger);

    [Fact]
    public void Plan_CompletedTrackWhoseFileIdIsCorrected_IsRenamedWithItsEntry_AndNotFetched()
    {
        var ledger = new DeviceLedger();
        Plan(ledger, "OLD", Log());
        ledger.Set("OLD_817_20251012_110209.oao", ledger.Find("OLD_817_20251012_110209.oao")! with { Status = LedgerStatus.Completed });
        string oldPath = _temp.Write("gpslogs/20251012/OLD_817_20251012_110209.oao", new string('x', 1000));

        var plan = Plan(ledger, "NEW", Log());

        plan.Downloads.Tracks.Should().BeEmpty();
        plan.Renamed.Should().Equal(("OLD_817_20251012_110209.oao", "NEW_817_20251012_110209.oao"));
        plan.LedgerChanged.Should().BeTrue();
        File.Exists(oldPath).Should().BeFalse();
        File.ReadAllText(_temp.Combine("gpslogs", "20251012", "NEW_817_20251012_110209.oao")).Should().HaveLength(1000);
        ledger.Entries.Keys.Should().Equal("NEW_817_20251012_110209.oao");
        var entry = ledger.Find("NEW_817_20251012_110209.oao")!;
        entry.Status.Should().Be(LedgerStatus.Completed);
        entry.LocalFile.Should().Be("gpslogs/20251012/NEW_817_20251012_110209.oao");
    }

    [Fact]
    public void Decide_CompletedTrackWhoseFileIdIsCorrected_DecidesTheRename_AndChangesNothing()
    {
        var ledger = new DeviceLedger();
        Plan(ledger, "OLD", Log());
        ledger.Set("OLD_817_20251012_110209.oao", ledger.Find("OLD_817_20251012_110209.oao")! with { Status = LedgerStatus.Completed });
        var recorded = ledger.Entries.ToDictionary();
        string oldPath = _temp.Write("gpslogs/20251012/OLD_817_20251012_110209.oao", new string('x', 1000));

        var decisions = new TrackPlanner(new MotionServerOptions(), new EventFolder(_temp.Path))
            .Decide(817, [Log()], new DeviceSettings { Timezone = 60 }, Roster("NEW"), ledger.Entries);

        decisions.Renames.Select(r => (r.From, r.To)).Should().Equal(("OLD_817_20251012_110209.oao", "NEW_817_20251012_110209.oao"));
        decisions.For("NEW_817_20251012_110209.oao")!.Decided.Status.Should().Be(LedgerStatus.Completed);
        decisions.Downloads().Tracks.Should().BeEmpty();
        File.Exists(oldPath).Should().BeTrue("deciding renames nothing");
        File.Exists(_temp.Combine("gpslogs", "20251012", "NEW_817_20251012_110209.oao")).Should().BeFalse();
        ledger.Entries.Should().Equal(recorded, "deciding writes nothing in the ledger");
    }

    [Fact]
    public void Plan_SkippedTrackWhoseFileIdIsCorrected_IsListedOnceUnderTheNewName()
    {
        var ledger = new DeviceLedger();
        Plan(ledger, "OLD", Log(best500m: 1));

        Plan(ledger, "NEW", Log(best500m: 1));

        ledger.Entries.Keys.Should().Equal("NEW_817_20251012_110209.oao");
    }
}
