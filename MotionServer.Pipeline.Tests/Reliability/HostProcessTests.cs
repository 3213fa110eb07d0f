using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Emulator;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// The real executable (<c>dotnet MotionServer.Host.dll</c>) as a child process against an in-process emulated fleet.
/// Issue 4, guarantee 2: SIGKILL mid-download leaves no file at a final name, and a restart finishes the job with every
/// track byte-identical exactly once and nothing fetched twice. Guarantee 6: SIGTERM or Ctrl+C mid-download exits 0 within 10 s,
/// the log runs from "Server started" to "Server stopped" in whole lines, status.json says stopped. Guarantee 5 and 8:
/// a bad roster, bad settings, a folder in use or unusable give exit code 2 and one clear message per problem.
/// </summary>
public sealed partial class HostProcessTests : ReliabilityTest
{
    // How long the host process may take to start and get going: a guard against a hang, not a figure under test (it was
    // 30 s, and a CI machine compiling beside the tests once needed more before a download was under way).
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KilledMidDownload_LeavesNoFileAtAFinalName_AndARestartFinishesWithEveryTrackExactlyOnce()
    {
        await using var fleet = EmulatedFleet.Create(
        [
            new DeviceSetup(DeviceProfile.Create(951), [FleetBuilder.Track(951, 0), FleetBuilder.Track(951, 1)]),
            new DeviceSetup(DeviceProfile.Create(952), [FleetBuilder.Track(952, 0, minutes: 20), FleetBuilder.Track(952, 1, minutes: 20)], BandwidthBytesPerSecond: 60_000),
            new DeviceSetup(DeviceProfile.Create(953), [FleetBuilder.Track(953, 0, minutes: 20)], BandwidthBytesPerSecond: 60_000),
        ]);
        await fleet.JoinAllAsync();
        var roster = PipelineHarness.RosterFor(fleet);
        var folder = new EventFolder(EventDirectory);
        var midway = Signal.Progress(fleet[953], p => p.Path.EndsWith(".oao", StringComparison.Ordinal) && p.BytesSent > 100_000);

        await using (var first = StartHost(fleet))
        {
            await first.WaitForLineAsync(l => l.EndsWith("motion-951 can be disconnected", StringComparison.Ordinal), StartTimeout);
            await midway;
            first.Kill(); // SIGKILL: no stop, no cleanup, no flush
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        var expected = ExpectedTracks.Of(fleet, roster);
        var onDisk = EventFolderScan.TrackFiles(folder);
        onDisk.Keys.Should().Contain(ExpectedTracks.Of(fleet[951], roster).Keys, "951 was completed before the kill");
        foreach (var (name, path) in onDisk)
        {
            File.ReadAllBytes(path).AsSpan().SequenceEqual(expected[name].Content.Span).Should().BeTrue($"{name} is at its final name, so it must be complete");
        }

        onDisk.Keys.Should().NotContain(ExpectedTracks.Of(fleet[953], roster).Keys, "953's transfer was cut by the kill");
        EventFolderScan.AllFiles(EventDirectory).Should().Contain(f => f.EndsWith(EventFolder.PartialSuffix, StringComparison.Ordinal), "the kill left the transfer's partial file behind");
        int fetchedBefore = fleet[951].Requests.Count(r => r.Path.EndsWith(".oao", StringComparison.Ordinal));

        foreach (var device in fleet.Devices)
        {
            device.BandwidthBytesPerSecond = 0;
        }

        await using (var second = StartHost(fleet))
        {
            foreach (var device in fleet.Devices)
            {
                await second.WaitForLineAsync(l => l.EndsWith($"{device.Hostname} can be disconnected", StringComparison.Ordinal), StartTimeout);
            }

            second.Terminate();
            (await second.WaitForExitAsync(TimeSpan.FromSeconds(10))).Should().Be(0);
            second.Output.Should().Contain(l => l.Contains("Removed ", StringComparison.Ordinal) && l.Contains("temporary file(s) left by an earlier run", StringComparison.Ordinal));
        }

        fleet[951].Requests.Count(r => r.Path.EndsWith(".oao", StringComparison.Ordinal)).Should().Be(fetchedBefore, "what was complete before the kill is not fetched again");
        EventFolderScan.ShouldHoldExactly(folder, expected);
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
        EventFolderScan.LedgersShouldMatchFiles(folder);
        EventFolderScan.NothingOutsideTheLayout(EventDirectory);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")] // Ctrl+C
    public async Task StoppedBySignalMidDownload_ExitsZeroWithin10Seconds_WithWholeLogLinesFromStartedToStopped(string signal)
    {
        await using var fleet = EmulatedFleet.Create(
        [
            new DeviceSetup(DeviceProfile.Create(961), [FleetBuilder.Track(961, 0, minutes: 30)], BandwidthBytesPerSecond: 30_000),
            new DeviceSetup(DeviceProfile.Create(962) with
            {
                Username = "WSW\r\n2025-10-12 10:00:00,INFO,motion-1 can be disconnected",
                Firmware = new DeviceFirmware(9008, "9008\nforged line\u001b[31m"),
            }, [FleetBuilder.Track(962, 0)]),
        ]);
        await fleet.JoinAllAsync();
        var midway = Signal.Progress(fleet[961], p => p.Path.EndsWith(".oao", StringComparison.Ordinal) && p.BytesSent > 50_000);

        await using var host = StartHost(fleet, "--MotionServer:ApprovedFirmware:0=9008 Event build (3232)");
        await host.WaitForLineAsync(l => l.EndsWith("motion-962 can be disconnected", StringComparison.Ordinal), StartTimeout);
        await midway.WaitAsync(StartTimeout);

        var clock = Stopwatch.StartNew();
        host.Terminate(signal);
        int exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(15));
        clock.Stop();

        exitCode.Should().Be(0);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the contract's clean stop, with a download in flight");
        var folder = new EventFolder(EventDirectory);
        string log = File.ReadAllText(Path.Combine(folder.LogsDirectory, "server.log"));
        log.Should().EndWith("\n", "no half line: the last line is complete");
        var lines = log.TrimEnd('\n').Split('\n');
        lines.Should().OnlyContain(l => LogLine().IsMatch(l), "every line is yyyy-MM-dd HH:mm:ss,LEVEL,message and nothing else");
        lines[0].Should().MatchRegex(@",INFO,Server started - Motion Server [0-9]+\.[0-9]+\.[0-9]+", "the first line says which build runs");
        lines[^1].Should().EndWith(",INFO,Server stopped");
        lines.Should().Contain(l => l.Contains("motion-962 firmware \"9008\\nforged line\\u001b[31m\" is not approved", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains(",INFO,motion-1 ", StringComparison.Ordinal), "device text never starts a line of its own");

        EventFolderScan.TrackFiles(folder).Keys.Should().NotContain(n => n.StartsWith("F961_", StringComparison.Ordinal), "the cut transfer is not at its final name");
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
        EventFolderScan.LedgersShouldMatchFiles(folder);
        new LedgerStore(folder).Load("motion-961", out _).Entries.Values.Should().ContainSingle().Which.Status.Should().Be(LedgerStatus.Queued);

        using var status = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder.DashboardsDirectory, "status.json")));
        status.RootElement.GetProperty("server").GetString().Should().Be("stopped", "the final dashboards say the server stopped");
    }

    [Fact]
    public async Task RosterThatTurnsBadMidEvent_IsRefusedWithItsLine_AndTheServerCarriesOnWithTheLastGoodOne()
    {
        await using var fleet = await FleetBuilder.StartAsync([971, 972], tracksPerDevice: 1, join: false);
        await fleet[971].JoinAsync();
        await using var host = StartHost(fleet);
        await host.WaitForLineAsync(l => l.EndsWith("motion-971 can be disconnected", StringComparison.Ordinal), StartTimeout);

        // Saved in place, as editors do (truncate, then write): the server must not read the file half-written.
        WriteRoster(RosterCsv([971, 972]) + "3,1,973,2025-10-11,tomorrow,F973,Late,Entry,Sailboard,,Pro Fleet,All Week\n");
        string refused = await host.WaitForLineAsync(l => l.Contains("Roster change refused", StringComparison.Ordinal), StartTimeout);
        await fleet[972].JoinAsync();
        await host.WaitForLineAsync(l => l.EndsWith("motion-972 can be disconnected", StringComparison.Ordinal), StartTimeout);
        host.Terminate();

        (await host.WaitForExitAsync(TimeSpan.FromSeconds(10))).Should().Be(0);
        host.Output.Count(l => l.Contains("Roster change refused", StringComparison.Ordinal)).Should().Be(1, "one message for the one problem, none for the moment the file was empty");
        refused.Should().EndWith("Roster change refused, the last good roster stays in force - config/motions.csv line 4: End Date \"tomorrow\" is not a date of the form yyyy-MM-dd (such as 2025-10-11)");
        EventFolderScan.ShouldHoldExactly(new EventFolder(EventDirectory), ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
    }

    [Fact]
    public async Task BadRoster_ExitsWithCode2_AndOneMessagePerProblemNamingFileAndLine()
    {
        WriteRoster("""
            Entrant ID,Motion ID,Start Date,End Date,File ID
            1,801,2025-10-11,2025-10-17,ABC
            2,abc,2025-10-11,2025-10-17,DEF
            3,802,2025-13-01,2025-10-17,GHI
            4,801,2025-10-12,2025-10-13,JKL
            """);

        var output = await RunToExitAsync(2, "--event-dir", EventDirectory);

        output.Where(l => l.Contains("config/motions.csv line ", StringComparison.Ordinal)).Should().SatisfyRespectively(
            l => l.Should().EndWith("config/motions.csv line 3: Motion ID \"abc\" is not a whole number"),
            l => l.Should().EndWith("config/motions.csv line 4: Start Date \"2025-13-01\" is not a date of the form yyyy-MM-dd (such as 2025-10-11)"),
            l => l.Should().Contain("config/motions.csv line 5: Motion ID 801 is also claimed by line 2"));
        ShouldHaveNoStackTrace(output);
    }

    [Fact]
    public async Task RosterWithMissingColumns_ExitsWithCode2_NamingTheColumns()
    {
        WriteRoster("""
            Entrant ID,Motion ID,Start Date,File ID
            1,801,2025-10-11,ABC
            """);

        var output = await RunToExitAsync(2, "--event-dir", EventDirectory);

        output.Should().ContainSingle(l => l.Contains("config/motions.csv line 1: missing column \"End Date\"", StringComparison.Ordinal));
        ShouldHaveNoStackTrace(output);
    }

    [Fact]
    public async Task BadSettings_ExitWithCode2_AndOneMessagePerProblemNamingFileAndLine()
    {
        WriteRoster(RosterCsv([801]));
        string settings = Temp.Write("bad.json", """
            {
              "MotionServer": {
                "Download": {
                  "Workers": 0,
                  "RequestTimeout": "30s"
                },
                "Detection": { "Intervall": "00:00:05" }
              }
            }
            """);

        var output = await RunToExitAsync(2, "--event-dir", EventDirectory, "--settings", settings, "--MotionServer:Retry:MaxDelay=abc");

        var problems = output.Where(l => l.Contains("Bad setting - ", StringComparison.Ordinal)).ToArray();
        problems.Should().HaveCount(4);
        problems.Should().ContainSingle(l => l.Contains($"{settings} line 4: MotionServer:Download:Workers = \"0\": must be between", StringComparison.Ordinal));
        problems.Should().ContainSingle(l => l.Contains($"{settings} line 5: MotionServer:Download:RequestTimeout = \"30s\": expected a duration as hh:mm:ss", StringComparison.Ordinal));
        problems.Should().ContainSingle(l => l.Contains($"{settings} line 7: MotionServer:Detection:Intervall: unknown setting", StringComparison.Ordinal));
        problems.Should().ContainSingle(l => l.Contains("command line: MotionServer:Retry:MaxDelay = \"abc\"", StringComparison.Ordinal));
        ShouldHaveNoStackTrace(output);
    }

    [Fact]
    public async Task SettingsFileThatIsNotJson_ExitsWithCode2_NamingFileAndLine()
    {
        WriteRoster(RosterCsv([801]));
        string settings = Temp.Write("broken.json", "{\n  \"MotionServer\": {\n    \"Download\": { \"Workers\": 4,, }\n  }\n}\n");

        var output = await RunToExitAsync(2, "--event-dir", EventDirectory, "--settings", settings);

        output.Should().ContainSingle(l => l.Contains($"Bad setting - {settings} line 3: not valid JSON - ", StringComparison.Ordinal));
        ShouldHaveNoStackTrace(output);
    }

    [Fact]
    public async Task FolderInUse_ExitsWithCode2_SayingWhoHoldsIt()
    {
        WriteRoster(RosterCsv([801]));
        using var held = EventFolderLock.Acquire(EventDirectory);

        var output = await RunToExitAsync(2, "--event-dir", EventDirectory);

        output.Should().ContainSingle(l => l.StartsWith($"MotionServer.Host: cannot start - another Motion Server is already running on {EventDirectory} (process {Environment.ProcessId} on ", StringComparison.Ordinal));
        File.Exists(Path.Combine(EventDirectory, "logs", "server.log")).Should().BeFalse("the refused server writes nothing into the running one's log");
    }

    [Fact]
    public async Task EventFolderThatCannotBeCreated_ExitsWithCode2_WithAClearMessage()
    {
        string notAFolder = Temp.Write("not-a-folder", "a file where the event folder should be");

        var output = await RunToExitAsync(2, "--event-dir", notAFolder);

        output.Should().ContainSingle(l => l.StartsWith($"MotionServer.Host: cannot start - the event folder {notAFolder} cannot be used (", StringComparison.Ordinal)
            && l.EndsWith("--event-dir must name a folder this user can write", StringComparison.Ordinal));
        ShouldHaveNoStackTrace(output);
    }

    [Fact]
    public async Task DryRun_ListsWhatWouldBeDownloaded_WritesNothingButTheLog_AndStopsWithExitCode0()
    {
        await using var fleet = await FleetBuilder.StartAsync([991], tracksPerDevice: 2);
        await using var host = StartHost(fleet, "--dry-run");
        await host.WaitForLineAsync(l => l.EndsWith("motion-991 dry run - 2 track(s) would be downloaded, 0 skipped; nothing was written", StringComparison.Ordinal), StartTimeout);
        host.Terminate();

        (await host.WaitForExitAsync(TimeSpan.FromSeconds(10))).Should().Be(0);
        var lines = File.ReadAllLines(Path.Combine(EventDirectory, "logs", "server.log"));
        lines[0].Should().MatchRegex(@",INFO,Server started - Motion Server [0-9]+\.[0-9]+\.[0-9]+");
        lines.Should().Contain(l => l.Contains(",WARNING,Dry run - ", StringComparison.Ordinal));
        lines.Count(l => l.Contains(",INFO,motion-991 F991_991_", StringComparison.Ordinal) && l.Contains(" would be downloaded - ", StringComparison.Ordinal)).Should().Be(2);
        lines[^1].Should().EndWith(",INFO,Server stopped");
        fleet[991].Requests.Should().NotContain(r => r.Path.EndsWith(".oao", StringComparison.Ordinal));
        EventFolderScan.AllFiles(EventDirectory).Should().BeEquivalentTo(
            ["config/hosts", "config/motions.csv", "logs/server.log", "motion-server.lock"], "a dry run writes nothing but the log (and takes the lock)");
    }

    [Fact]
    public async Task StoppedWhileStarting_AsAServiceManagerMay_StopsCleanlyWithExitCode0()
    {
        await using var fleet = await FleetBuilder.StartAsync([992], tracksPerDevice: 1);
        await using var host = StartHost(fleet);
        await host.WaitForLineAsync(l => l.Contains("Server started - Motion Server ", StringComparison.Ordinal), StartTimeout);
        host.Terminate(); // before the host has started: the settings and the roster may not even be read yet

        (await host.WaitForExitAsync(TimeSpan.FromSeconds(10))).Should().Be(0, "a stop while starting is a clean stop, not a death by signal");
        File.ReadAllLines(Path.Combine(EventDirectory, "logs", "server.log"))[^1].Should().EndWith(",INFO,Server stopped");
    }

    [Fact]
    public async Task Version_PrintsTheVersionAndTheCommit_AndExitsZero()
    {
        var output = await RunToExitAsync(0, "--version");

        output.Should().HaveCount(2);
        output[0].Should().MatchRegex(@"^Motion Server [0-9]+\.[0-9]+\.[0-9]+\S*$");
        output[1].Should().MatchRegex("^commit ([0-9a-f]{40}|unknown \\(built without git\\))$");
    }

    private HostProcess StartHost(EmulatedFleet fleet, params string[] extra)
    {
        string hosts = Path.Combine(EventDirectory, "config", "hosts");
        Directory.CreateDirectory(Path.GetDirectoryName(hosts)!);
        fleet.WriteHostsFile(hosts);
        WriteRoster(RosterCsv(fleet.Devices.Select(d => d.Id)));
        return HostProcess.Start(Temp.Path,
        [
            "--event-dir", EventDirectory,
            $"--MotionServer:Network:HostsFile={hosts}",
            $"--MotionServer:Network:Port={fleet.Port.ToString(CultureInfo.InvariantCulture)}",
            "--MotionServer:Detection:Interval=00:00:00.1",
            "--MotionServer:Disconnection:Interval=00:00:00.1",
            "--MotionServer:Retry:InitialDelay=00:00:00.1",
            "--MotionServer:Retry:MaxDelay=00:00:01",
            "--MotionServer:Download:RequestTimeout=00:00:05",
            .. extra,
        ]);
    }

    private async Task<IReadOnlyList<string>> RunToExitAsync(int expectedExitCode, params string[] arguments)
    {
        await using var host = HostProcess.Start(Temp.Path, arguments);
        int exitCode = await host.WaitForExitAsync(StartTimeout);
        exitCode.Should().Be(expectedExitCode, string.Join(Environment.NewLine, host.Output));
        return host.Output;
    }

    private void WriteRoster(string csv)
    {
        string path = Path.Combine(EventDirectory, "config", "motions.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, csv);
    }

    private static string RosterCsv(IEnumerable<int> ids)
    {
        var csv = new StringBuilder("Entrant ID,Tally,Motion ID,Start Date,End Date,File ID,First Name,Family Name,Craft Type,Class,Status,Entry Type\n");
        string from = DateTime.UtcNow.AddDays(-15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string to = DateTime.UtcNow.AddDays(15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (int id in ids)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{id},1,{id},{from},{to},F{id},Test,Sailor{id},Sailboard,,Pro Fleet,All Week\n");
        }

        return csv.ToString();
    }

    private static void ShouldHaveNoStackTrace(IReadOnlyList<string> output) =>
        output.Should().NotContain(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal),
            "the operator sees messages, never a stack trace");

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2},(DEBUG|INFO|WARNING|ERROR),[^\r\n]+$")]
    private static partial Regex LogLine();
}
