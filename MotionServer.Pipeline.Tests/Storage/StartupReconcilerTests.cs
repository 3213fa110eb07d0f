using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Storage;

public sealed class StartupReconcilerTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();
    private readonly EventFolder _folder;

    public StartupReconcilerTests()
    {
        _folder = new EventFolder(_temp.Path);
        _folder.EnsureCreated();
    }

    public void Dispose() => _temp.Dispose();

    private static LedgerEntry Entry(string name, long size, LedgerStatus status) => new()
    {
        MotionFile = "/logs/x.oao", LocalFile = $"gpslogs/20251012/{name}", Size = size, Status = status,
    };

    [Fact]
    public void Run_RemovesPartialAndTemporaryFiles_AndDistrustsBadCompletedEntries()
    {
        string partial = _temp.Write("gpslogs/20251012/.A_1_20251012_110209.oao.0123.partial", "half");
        string tmp = _temp.Write("dashboards/.index.html.0123.tmp", "half");
        _temp.Write("gpslogs/20251012/A_1_20251012_110209.oao", "complete!!"); // 10 bytes: intact
        _temp.Write("gpslogs/20251012/A_1_20251012_120000.oao", "short"); // 5 of 10 bytes
        var store = new LedgerStore(_folder);
        var ledger = new DeviceLedger();
        ledger.Set("A_1_20251012_110209.oao", Entry("A_1_20251012_110209.oao", 10, LedgerStatus.Completed));
        ledger.Set("A_1_20251012_120000.oao", Entry("A_1_20251012_120000.oao", 10, LedgerStatus.Completed));
        ledger.Set("A_1_20251012_130000.oao", Entry("A_1_20251012_130000.oao", 10, LedgerStatus.Completed)); // missing
        store.Save("motion-1", ledger);
        var fleet = new FleetState(new FakeTimeProvider(), id => $"motion-{id}", _temp.Path);
        fleet.ApplyRoster(MotionRoster.Create([new RosterEntry { MotionId = 1, StartDate = new DateOnly(2025, 10, 1), EndDate = new DateOnly(2025, 10, 30), FileId = "A" }]));

        new StartupReconciler(_folder, store, fleet, NullLogger.Instance).Run();

        File.Exists(partial).Should().BeFalse();
        File.Exists(tmp).Should().BeFalse();
        var after = store.Load("motion-1", out _);
        after.Find("A_1_20251012_110209.oao")!.Status.Should().Be(LedgerStatus.Completed);
        after.Find("A_1_20251012_120000.oao")!.Status.Should().Be(LedgerStatus.Queued);
        after.Find("A_1_20251012_130000.oao")!.Status.Should().Be(LedgerStatus.Queued);
        fleet.GetMotion(1)!.Tracks.Should().Be(new TrackCounts(Queued: 2, Downloading: 0, Completed: 1, Skipped: 0, Failed: 0));
        fleet.GetMotion(1)!.BytesDownloaded.Should().Be(10);
    }
}
