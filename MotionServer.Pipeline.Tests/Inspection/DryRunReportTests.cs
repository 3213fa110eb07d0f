using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Tests.Inspection;

/// <summary>The dry run's words for each of the planner's decisions (the end-to-end side is in Integration.DryRunTests).</summary>
public sealed class DryRunReportTests : IDisposable
{
    // 2025-10-12 10:02:09 UTC: 11:02:09 local at +60 minutes.
    private const long Start = 1760263329000;

    private readonly TemporaryFolder _temp = new();
    private readonly MotionServerOptions _options = new();
    private readonly MotionRoster _roster = MotionRoster.Create(
    [
        new RosterEntry { MotionId = 817, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 17), FileId = "ABC817XYZ", Line = 2 },
    ]);

    public void Dispose() => _temp.Dispose();

    private static DeviceLog Log(string file, long start = Start, long size = 952928, long best500m = 7622) => new()
    {
        File = file,
        Size = size,
        Timezone = 60,
        StartDate = start,
        EndDate = start + 21126000,
        Duration = 21126000,
        Distance = 25224543,
        Best500m = best500m,
    };

    private List<string> Report(DeviceLedger ledger, params DeviceLog[] logs)
    {
        var settings = new DeviceSettings { Timezone = 60 };
        var decisions = new TrackPlanner(_options, new EventFolder(_temp.Path)).Decide(817, logs, settings, _roster, ledger.Entries);
        using var log = new CapturingLoggerProvider();
        new DryRunReport(_options, log.CreateLogger("test")).Report(new DeviceWork(817, "motion-817"), logs, settings, _roster, decisions);
        return [.. log.Messages()];
    }

    [Fact]
    public void Report_EveryKindOfLog_IsListedWithWhatWouldHappenAndWhy()
    {
        _options.Limits.MaxTrackBytes = 2_000_000;
        long day = 24L * 3600 * 1000;

        var lines = Report(new DeviceLedger(),
            Log("/logs/a.oao"),
            Log("/logs/b.oao", start: Start + 3_600_000, best500m: 100),
            Log("/logs/c.oao", start: Start + 7_200_000, size: 3_000_000),
            Log("/logs/old.oao", start: Start - (30 * day)),
            Log("/logs/notes.txt"),
            Log("/logs/../../etc/passwd.oao"));

        lines.Should().HaveCount(7);
        lines[0].Should().StartWith("motion-817 ABC817XYZ_817_20251012_110209.oao would be downloaded - 0.9 MiB, ");
        lines[1].Should().StartWith("motion-817 ABC817XYZ_817_20251012_120209.oao would be skipped - 500 m best below Filters:Min500mBestKnots (1 knots) - ");
        lines[2].Should().StartWith("motion-817 ABC817XYZ_817_20251012_130209.oao would be skipped - ABC817XYZ_817_20251012_130209.oao is announced as 3000000 bytes, more than Limits:MaxTrackBytes (2000000) - ");
        lines[3].Should().StartWith("motion-817 /logs/old.oao would be skipped - not the event's: no roster row of motion-817 covers 2025-09-12 - ");
        lines[4].Should().StartWith("motion-817 /logs/notes.txt would be skipped - not an .oao track - ");
        lines[5].Should().StartWith("motion-817 /logs/../../etc/passwd.oao would be skipped - refused: ");
        lines[6].Should().Be("motion-817 dry run - 1 track(s) would be downloaded, 5 skipped; nothing was written");
    }

    [Fact]
    public void Report_TrackCompletedEarlier_WouldBeSkippedAsAlreadyDownloaded()
    {
        const string name = "ABC817XYZ_817_20251012_110209.oao";
        string path = Path.Combine(_temp.Path, "gpslogs", "20251012", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[952928]);

        var lines = Report(new DeviceLedger(), Log("/logs/a.oao"));

        lines[0].Should().StartWith($"motion-817 {name} would be skipped - already downloaded - ");
        lines[1].Should().Be("motion-817 dry run - 0 track(s) would be downloaded, 1 skipped; nothing was written");
    }
}
