using System.Text.Json;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Storage;

public sealed class LedgerStoreTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();
    private readonly EventFolder _folder;
    private readonly LedgerStore _store;

    public LedgerStoreTests()
    {
        _folder = new EventFolder(_temp.Path);
        _store = new LedgerStore(_folder);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Save_WritesTheContractFieldNames()
    {
        var ledger = new DeviceLedger();
        ledger.Set("A_1_20251012_110209.oao", new LedgerEntry
        {
            MotionFile = "/logs/a.oao",
            LocalFile = "gpslogs/20251012/A_1_20251012_110209.oao",
            Size = 10, StartDate = 1, EndDate = 2, Duration = 1, Distance = 3, Best2s = 4, Best10s = 5, Best500m = 6,
            Status = LedgerStatus.Completed,
        });

        _store.Save("motion-1", ledger);

        using var json = JsonDocument.Parse(File.ReadAllText(_folder.LedgerFile("motion-1")));
        var entry = json.RootElement.GetProperty("A_1_20251012_110209.oao");
        entry.EnumerateObject().Select(p => p.Name).Should().Equal(
            "motion_file", "local_file", "size", "start_date", "end_date", "duration", "distance", "2s_best", "10s_best", "500m_best", "status");
        entry.GetProperty("status").GetString().Should().Be("completed");
        Directory.GetFiles(_folder.DeviceDirectory("motion-1")).Should().ContainSingle("no temporary file is left");
    }

    [Fact]
    public void Save_TheLedgerTheFileHolds_WritesNothing_AndAChangedOneIsWritten()
    {
        var ledger = new DeviceLedger();
        ledger.Set("A_1_20251012_110209.oao", new LedgerEntry
        {
            MotionFile = "/logs/a.oao", LocalFile = "gpslogs/20251012/A_1_20251012_110209.oao", Size = 10, Status = LedgerStatus.Queued,
        });
        _store.Save("motion-1", ledger);
        string path = _folder.LedgerFile("motion-1");
        var longAgo = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, longAgo);

        _store.Save("motion-1", _store.Peek("motion-1", out _)); // a visit that brought no new track
        File.GetLastWriteTimeUtc(path).Should().Be(longAgo, "the same ledger is not written again");

        ledger.Set("A_1_20251012_110209.oao", ledger.Find("A_1_20251012_110209.oao")! with { Status = LedgerStatus.Completed });
        _store.Save("motion-1", ledger);
        File.GetLastWriteTimeUtc(path).Should().NotBe(longAgo);
        _store.Peek("motion-1", out _).Find("A_1_20251012_110209.oao")!.Status.Should().Be(LedgerStatus.Completed);
    }

    [Fact]
    public void Load_OlderLedgerWithAbsolutePathsAndUnknownStatus_IsRead()
    {
        _temp.Write("motions/motion-1/downloads.json", """
            { "A_1_20251012_110209.oao": { "motion_file": "/logs/a.oao", "local_file": "C:\\events\\x\\gpslogs\\20251012\\A_1_20251012_110209.oao",
              "size": 10, "start_date": 1, "end_date": 2, "duration": 1, "distance": 3, "2s_best": 4, "10s_best": 5, "500m_best": 6,
              "status": "downloading", "extra": true } }
            """);

        var ledger = _store.Load("motion-1", out string? problem);

        problem.Should().BeNull();
        var entry = ledger.Find("A_1_20251012_110209.oao")!;
        entry.FileName.Should().Be("A_1_20251012_110209.oao");
        entry.Status.Should().Be(LedgerStatus.Queued, "a status this server never writes means the track is owed");
    }

    [Fact]
    public void Load_CorruptLedger_IsMovedAsideNotLost()
    {
        _temp.Write("motions/motion-1/downloads.json", "{ not json");

        var ledger = _store.Load("motion-1", out string? problem);

        ledger.Count.Should().Be(0);
        problem.Should().Contain("moved aside");
        Directory.GetFiles(_folder.DeviceDirectory("motion-1"), "downloads.json.unreadable-*").Should().ContainSingle()
            .Which.Should().Match(p => File.ReadAllText(p) == "{ not json");
    }
}
