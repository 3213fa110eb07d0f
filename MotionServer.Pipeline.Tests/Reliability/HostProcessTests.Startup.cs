using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>Issue 9: whatever an older server left in the event folder, a start succeeds — or exits 2 saying which file and what to do.</summary>
public sealed partial class HostProcessTests
{
    [Fact]
    public async Task LedgerThatCannotBeRead_ExitsWithCode2_NamingTheFileAndWhatToDo()
    {
        WriteRoster(RosterCsv([991]));
        string ledger = Path.Combine(EventDirectory, "motions", "motion-991", "downloads.json");
        Directory.CreateDirectory(Path.GetDirectoryName(ledger)!);
        File.CreateSymbolicLink(ledger, Path.Combine(Temp.Path, "nowhere", "downloads.json")); // listed, yet unreadable

        var output = await RunToExitAsync(2, "--event-dir", EventDirectory);

        output.Should().Contain(l => l.Contains(ledger, StringComparison.Ordinal) && l.Contains("give the server read and write access to it", StringComparison.Ordinal));
        ShouldHaveNoStackTrace(output);
    }

    [Fact]
    public async Task LedgerWithAbsurdValuesFromAnOlderServer_DoesNotStopTheStart()
    {
        WriteRoster(RosterCsv([992]));
        Temp.Write("event/motions/motion-992/downloads.json", """
            { "F992_992_20251012_110209.oao": { "motion_file": "/logs/a.oao", "local_file": "gpslogs/20251012/F992_992_20251012_110209.oao",
                "size": 10, "start_date": 9223372036854775807, "end_date": 0, "duration": 1000000000000000, "distance": 9223372036854775807,
                "2s_best": 0, "10s_best": 0, "500m_best": 0, "status": "completed" },
              "not a name.oao": { "motion_file": "/logs/b.oao", "local_file": "x/not a name.oao", "size": 10, "start_date": -9223372036854775808,
                "end_date": 0, "duration": 5, "distance": 0, "2s_best": 0, "10s_best": 0, "500m_best": 0, "status": "queued" } }
            """);

        await using var host = HostProcess.Start(Temp.Path, "--event-dir", EventDirectory, "--MotionServer:Dashboard:Interval=00:00:00.1");
        await host.WaitForLineAsync(l => l.Contains("Watching for 1 devices", StringComparison.Ordinal), StartTimeout); // started, past the reconciler
        host.Terminate();

        (await host.WaitForExitAsync(TimeSpan.FromSeconds(15))).Should().Be(0, string.Join(Environment.NewLine, host.Output));
        host.Output.Should().Contain(l => l.Contains("motion-992 ledger entry F992_992_20251012_110209.oao: duration 1000000000000000 is out of range", StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(EventDirectory, "dashboards", "status.json")).Should().Contain("\"stopped\"");
    }
}
