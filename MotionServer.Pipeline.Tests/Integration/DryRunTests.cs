using System.Globalization;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Generation;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Integration;

/// <summary>
/// <c>--dry-run</c> (issue 11) against emulated devices over real sockets: every log a device announces is listed as
/// would-be-downloaded or would-be-skipped with its reason, and nothing is written: no metadata, ledger, track,
/// dashboard or history, and no track is even requested.
/// </summary>
public sealed class DryRunTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task DryRun_ListsWhatWouldBeDownloadedAndWhatSkippedWithTheReason_AndWritesNothing()
    {
        var fast = FleetBuilder.Track(881, session: 0);
        var slow = FleetBuilder.Track(881, session: 1, maxSpeedKnots: 0.3); // never covers 500 m: below the 1 knot filter
        var old = TrackGenerators.Default.Generate(new TrackSpec(881, "N881", FleetBuilder.SessionStart.AddDays(-40), TimeSpan.FromMinutes(5), Seed: 3));
        await using var fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(881), [fast, slow, old])]);
        await fleet.JoinAllAsync();
        var totals = WaitForMessage(out var log, m => m.StartsWith("motion-881 dry run - ", StringComparison.Ordinal));

        await using (var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet), o => o.DryRun = true, log))
        {
            (await totals.WaitAsync(PipelineHarness.DefaultTimeout)).Should().Be("motion-881 dry run - 1 track(s) would be downloaded, 2 skipped; nothing was written");
            await server.StopAsync();
        }

        var messages = log.Messages().ToList();
        messages.Should().Contain(m => m.StartsWith("Dry run - ", StringComparison.Ordinal), "the run says at its start that it is a dry run");
        messages.Should().Contain(m => m.StartsWith($"motion-881 {Name(881, fast)} would be downloaded - ", StringComparison.Ordinal));
        messages.Should().Contain(m => m.StartsWith($"motion-881 {Name(881, slow)} would be skipped - 500 m best below Filters:Min500mBestKnots (1 knots) - ", StringComparison.Ordinal));
        string oldDate = DateOnly.FromDateTime(TrackName.LocalStartOf(old.StartDate, 60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        messages.Should().Contain(m => m.StartsWith($"motion-881 {old.Path} would be skipped - not the event's: no roster row of motion-881 covers {oldDate} - ", StringComparison.Ordinal));
        messages.Should().NotContain(m => m.Contains(" queued - ", StringComparison.Ordinal) || m.EndsWith("can be disconnected", StringComparison.Ordinal),
            "a dry run queues nothing and never tells the staff to take a device");

        fleet[881].Requests.Should().NotContain(r => r.Path.EndsWith(".oao", StringComparison.Ordinal), "no track is fetched");
        Directory.GetFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_temp.Path, f).Replace('\\', '/'))
            .Should().BeEquivalentTo(["config", "config/hosts", "motion-server.lock"], "nothing is written but the log and the lock (the test's own hosts file aside)");
    }

    [Fact]
    public async Task DryRun_OnAFolderWithEarlierDownloads_ListsThemAsAlreadyDownloaded_AndLeavesTheLedgerAsItWas()
    {
        var first = FleetBuilder.Track(882, session: 0);
        var second = FleetBuilder.Track(882, session: 1);
        await using var fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(882), [first])]);
        await fleet.JoinAllAsync();
        var roster = PipelineHarness.RosterFor(fleet);
        await using (var real = await PipelineHarness.StartAsync(_temp.Path, fleet, roster))
        {
            await real.WaitForCompletedAsync(882, tracks: 1);
        }

        var folder = new EventFolder(_temp.Path);
        byte[] ledgerBefore = File.ReadAllBytes(folder.LedgerFile("motion-882"));
        var timesBefore = WriteTimes();
        fleet[882].AddTrack(second);
        var totals = WaitForMessage(out var log, m => m.StartsWith("motion-882 dry run - ", StringComparison.Ordinal));

        await using (var dry = await PipelineHarness.StartAsync(_temp.Path, fleet, roster, o => o.DryRun = true, log))
        {
            (await totals.WaitAsync(PipelineHarness.DefaultTimeout)).Should().Be("motion-882 dry run - 1 track(s) would be downloaded, 1 skipped; nothing was written");
            await dry.StopAsync();
        }

        log.Messages().Should().Contain(m => m.StartsWith($"motion-882 {Name(882, first)} would be skipped - already downloaded - ", StringComparison.Ordinal))
            .And.Contain(m => m.StartsWith($"motion-882 {Name(882, second)} would be downloaded - ", StringComparison.Ordinal));
        File.ReadAllBytes(folder.LedgerFile("motion-882")).Should().Equal(ledgerBefore);
        WriteTimes().Should().Equal(timesBefore, "the dry run neither adds nor rewrites a file");
    }

    [Fact]
    public async Task DryRun_AfterAFileIdCorrection_WithTheDevicePresent_LeavesEveryFileAsItWas()
    {
        // Issue 17: a File ID corrected in the roster, then a dry run "to check the roster" while the device is on the
        // WiFi. The dry run must not rename the downloaded track: the ledger would not follow, and reverting the roster
        // would make the real server fetch again a track it "lost".
        var track = FleetBuilder.Track(883, session: 0);
        await using var fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(883), [track])]);
        await fleet.JoinAllAsync();
        await using (var real = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet)))
        {
            await real.WaitForCompletedAsync(883, tracks: 1);
        }

        var before = Contents();
        var corrected = MotionRoster.Create(PipelineHarness.RosterFor(fleet).EntriesFor(883).Select(e => e with { FileId = "G883" }));
        var totals = WaitForMessage(out var log, m => m.StartsWith("motion-883 dry run - ", StringComparison.Ordinal));

        await using (var dry = await PipelineHarness.StartAsync(_temp.Path, fleet, corrected, o => o.DryRun = true, log))
        {
            (await totals.WaitAsync(PipelineHarness.DefaultTimeout)).Should().Be("motion-883 dry run - 0 track(s) would be downloaded, 1 skipped; nothing was written");
            await dry.StopAsync();
        }

        Contents().Should().BeEquivalentTo(before, "a dry run renames nothing and writes nothing: every file keeps its name and its bytes");
        string oldName = Name(883, track), newName = "G883" + oldName[4..];
        log.Messages().Should().Contain($"motion-883 {oldName} would be renamed to {newName} - the roster corrected its File ID")
            .And.Contain(m => m.StartsWith($"motion-883 {newName} would be skipped - already downloaded - ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DryRun_WhenTheRosterCorrectsAFileIdWhileItRuns_RenamesNothing()
    {
        var track = FleetBuilder.Track(884, session: 0);
        await using var fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(884), [track])]);
        await fleet.JoinAllAsync();
        var first = PipelineHarness.RosterFor(fleet);
        await using (var real = await PipelineHarness.StartAsync(_temp.Path, fleet, first))
        {
            await real.WaitForCompletedAsync(884, tracks: 1);
        }

        var before = Contents();
        var roster = new SwitchableRosterSource(first);
        string oldName = Name(884, track), newName = "G884" + oldName[4..];
        var listed = WaitForMessage(out var log, m => m.StartsWith("motion-884 dry run - ", StringComparison.Ordinal));
        var renameListed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        log.LineWritten += line =>
        {
            if (line.Message == $"motion-884 {oldName} would be renamed to {newName} - the roster corrected its File ID")
            {
                renameListed.TrySetResult();
            }
        };

        await using (var dry = await PipelineHarness.StartAsync(_temp.Path, fleet, roster, o => o.DryRun = true, log))
        {
            await listed.WaitAsync(PipelineHarness.DefaultTimeout);
            roster.Switch(MotionRoster.Create(first.EntriesFor(884).Select(e => e with { FileId = "G884" })));
            await renameListed.Task.WaitAsync(PipelineHarness.DefaultTimeout); // planned again with the corrected roster
            await dry.StopAsync();
        }

        Contents().Should().BeEquivalentTo(before, "a roster change in a dry run renames nothing either");
    }

    /// <summary>Every file of the event folder (its path relative to the folder) with its bytes, but the lock and the test's hosts file.</summary>
    private Dictionary<string, byte[]> Contents() =>
        Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("motion-server.lock" or "hosts"))
            .ToDictionary(f => Path.GetRelativePath(_temp.Path, f).Replace('\\', '/'), File.ReadAllBytes);

    /// <summary>Every file of the event folder with its last write time, but the lock (a dry run may take it) and the test's hosts file (the harness writes it).</summary>
    private Dictionary<string, DateTime> WriteTimes() =>
        Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("motion-server.lock" or "hosts"))
            .ToDictionary(f => f, File.GetLastWriteTimeUtc);

    private static string Name(int id, EmulatedTrack track) =>
        TrackName.Create($"F{id}", id, TrackName.LocalStartOf(track.StartDate, track.TimezoneMinutes ?? 60)).FileName;

    /// <summary>A log that completes the task with the first message meeting <paramref name="match"/>.</summary>
    private static Task<string> WaitForMessage(out CapturingLoggerProvider log, Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        log = new CapturingLoggerProvider();
        log.LineWritten += line =>
        {
            if (match(line.Message))
            {
                seen.TrySetResult(line.Message);
            }
        };
        return seen.Task;
    }
}
