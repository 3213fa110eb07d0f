using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Storage;

/// <summary>Issue 9: whatever an older server wrote, and whatever a Windows editor did, a start succeeds or says why (exit 2).</summary>
public sealed class StartupAtTheEdgeTests : IDisposable
{
    private const string Name = "A_1_20251012_110209.oao";
    private readonly TemporaryFolder _temp = new();
    private readonly EventFolder _folder;
    private readonly CapturingLoggerProvider _log = new();
    private readonly FleetState _fleet;

    public StartupAtTheEdgeTests()
    {
        _folder = new EventFolder(_temp.Path);
        _folder.EnsureCreated();
        _fleet = new FleetState(new FakeTimeProvider(), id => $"motion-{id}", _temp.Path);
        _fleet.ApplyRoster(MotionRoster.Create([new RosterEntry { MotionId = 1, StartDate = new DateOnly(2025, 10, 1), EndDate = new DateOnly(2025, 10, 30), FileId = "A" }]));
    }

    public void Dispose() => _temp.Dispose();

    private void Reconcile() => new StartupReconciler(_folder, new LedgerStore(_folder), _fleet, _log.CreateLogger("test")).Run();

    private string Ledger(string json) => _temp.Write("motions/motion-1/downloads.json", json);

    private static string EntryJson(string name, string figures, string status = "completed") =>
        $"\"{name}\": {{ \"motion_file\": \"/logs/x.oao\", \"local_file\": \"gpslogs/20251012/{name}\", \"size\": 10, {figures}, \"status\": \"{status}\" }}";

    [Theory]
    [InlineData("\"duration\": 1000000000000000")]
    [InlineData("\"duration\": -9223372036854775808")]
    [InlineData("\"start_date\": 9223372036854775807, \"distance\": 9223372036854775807")]
    public void Run_LedgerWithAbsurdFiguresFromAnOlderServer_StartsAndRepairsTheEntryWithAWarning(string figures)
    {
        _temp.Write($"gpslogs/20251012/{Name}", "complete!!");
        Ledger($"{{ {EntryJson(Name, figures)} }}");

        var act = Reconcile;

        act.Should().NotThrow();
        _fleet.GetMotion(1)!.Tracks.Completed.Should().Be(1);
        _log.Messages(LogLevel.Warning).Should().Contain(m => m.StartsWith($"motion-1 ledger entry {Name}: ", StringComparison.Ordinal) && m.Contains("out of range"));
        var entry = new LedgerStore(_folder).Load("motion-1", out _, out var repairs).Find(Name)!;
        repairs.Should().BeEmpty("the repaired ledger was saved");
        entry.Status.Should().Be(LedgerStatus.Completed);
    }

    [Fact]
    public void Run_UnparseableNameWithAnAbsurdStartDate_Starts()
    {
        Ledger($"{{ {EntryJson("not a track name.oao", "\"start_date\": 9223372036854775807", "queued")} }}");

        var act = Reconcile;

        act.Should().NotThrow();
        _fleet.GetMotion(1)!.Tracks.Queued.Should().Be(1);
    }

    [Fact]
    public void Run_LedgerWithAByteOrderMark_IsReadAsItIs_NotMovedAside()
    {
        _temp.Write($"gpslogs/20251012/{Name}", "complete!!");
        string path = _temp.Combine("motions", "motion-1", "downloads.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"{{ {EntryJson(Name, "\"duration\": 5")} }}")]);

        Reconcile();

        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().ContainSingle("nothing was moved aside");
        _fleet.GetMotion(1)!.Tracks.Completed.Should().Be(1);
        _log.Messages(LogLevel.Error).Should().BeEmpty();
    }

    [Fact]
    public void Run_LedgerThatCannotBeRead_StopsTheStartNamingTheFileAndWhatToDo()
    {
        // A dangling symbolic link: it is listed, yet reading it fails — as for a file the server may not read
        // (permissions cannot be provoked here: the tests run as root).
        string path = _temp.Combine("motions", "motion-1", "downloads.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, _temp.Combine("nowhere", "downloads.json"));

        var act = Reconcile;

        act.Should().Throw<EventFolderUnreadableException>().Which.Message.Should()
            .Contain(path).And.Contain("give the server read and write access to it");
    }

    [Fact]
    public void HistoryLoad_FileWithAByteOrderMark_KeepsTheHistory()
    {
        File.WriteAllBytes(_folder.HistoryFile, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""
            { "history": [ 1 ], "devices": { "1": { "lastSeen": "2025-10-12T10:00:00+00:00", "lastCompleted": null } } }
            """)]);

        var record = new HistoryStore(_folder).Load();

        record.History.Should().Equal(1);
        record.Devices[1].LastSeen.Should().Be(new DateTimeOffset(2025, 10, 12, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void HistoryLoad_FileThatCannotBeRead_StopsTheStartNamingTheFile()
    {
        File.CreateSymbolicLink(_folder.HistoryFile, _temp.Combine("nowhere", "history.json"));

        var act = () => new HistoryStore(_folder).Load();

        act.Should().Throw<EventFolderUnreadableException>().Which.Message.Should().Contain(_folder.HistoryFile);
    }
}
