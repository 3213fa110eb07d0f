using System.Globalization;
using System.Text;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 9: the real executable SIGKILLed at moments other than mid-download — right after ledgers are written by
/// inspection, while dashboards are rewritten every 100 ms, and during a roster reload that renames downloaded tracks —
/// with a device listing absurd entries beside its tracks. Every restart succeeds; in the end every ordinary track is
/// there exactly once, byte-identical, under the corrected roster's names; nothing half-written; the ledgers agree.
/// </summary>
public sealed class KillAtAnyMomentTests : ReliabilityTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly int[] Ids = [981, 982, 983, 984];

    [Fact]
    public async Task KilledDuringLedgerWritesDashboardWritesAndARosterReload_EveryRestartSucceeds_AndTheEndIsExact()
    {
        await using var fleet = EmulatedFleet.Create(Ids.Select(id => new DeviceSetup(DeviceProfile.Create(id),
            [FleetBuilder.Track(id, 0, minutes: 10), FleetBuilder.Track(id, 1, minutes: 10)], BandwidthBytesPerSecond: 200_000)));
        fleet[981].Faults.Add(DeviceFault.RawLogEntries(
            """{ "file": "/logs/x.oao", "size": 1000, "start_date": 9223372036854775807 }""",
            """{ "file": "/logs/\ud800.oao", "size": 1000, "start_date": 1760263329000 }""",
            """{ "file": "/logs/y.oao", "size": 1000, "start_date": 1760263329000, "duration": 1000000000000000 }"""));
        await fleet.JoinAllAsync();
        var fileIds = Ids.ToDictionary(id => id, id => $"F{id}");

        // 1. Killed just after inspection wrote ledgers (the first "queued" line), dashboards being rewritten.
        await using (var host = StartHost(fleet, fileIds))
        {
            await host.WaitForLineAsync(l => l.Contains(" queued - ", StringComparison.Ordinal), Timeout);
            host.Kill();
            await host.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        // 2. Killed after a few dashboard ticks and the first completed track.
        await using (var host = StartHost(fleet, fileIds))
        {
            await host.WaitForLineAsync(l => l.Contains(" downloaded - ", StringComparison.Ordinal), Timeout);
            host.Kill();
            await host.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        // 3. Everything downloaded, then a roster correction (a File ID): killed as the reload renames tracks.
        await using (var host = StartHost(fleet, fileIds))
        {
            foreach (int id in Ids)
            {
                await host.WaitForLineAsync(l => l.EndsWith($"motion-{id} can be disconnected", StringComparison.Ordinal), Timeout);
            }

            fileIds[983] = "G983";
            WriteRoster(fileIds);
            await host.WaitForLineAsync(l => l.Contains("renamed to G983_", StringComparison.Ordinal), Timeout);
            host.Kill();
            await host.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        // 4. A last run finishes the job and stops cleanly.
        await using (var host = StartHost(fleet, fileIds))
        {
            await host.WaitForLineAsync(l => l.Contains("Server started", StringComparison.Ordinal), Timeout);
            foreach (int id in Ids)
            {
                await host.WaitForLineAsync(l => l.EndsWith($"motion-{id} can be disconnected", StringComparison.Ordinal), Timeout);
            }

            await host.WaitForLineAsync(l => l.Contains("motion-983 has no tracks to download", StringComparison.Ordinal), Timeout);
            host.Terminate();
            (await host.WaitForExitAsync(TimeSpan.FromSeconds(15))).Should().Be(0);
        }

        var folder = new EventFolder(EventDirectory);
        EventFolderScan.ShouldHoldExactly(folder, ExpectedTracks.Of(fleet, Roster(fileIds)));
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
        EventFolderScan.LedgersShouldMatchFiles(folder);
        File.ReadAllText(Path.Combine(folder.DashboardsDirectory, "status.json")).Should().Contain("\"stopped\"");
    }

    private HostProcess StartHost(EmulatedFleet fleet, IReadOnlyDictionary<int, string> fileIds)
    {
        string hosts = Path.Combine(EventDirectory, "config", "hosts");
        Directory.CreateDirectory(Path.GetDirectoryName(hosts)!);
        fleet.WriteHostsFile(hosts);
        WriteRoster(fileIds);
        return HostProcess.Start(Temp.Path,
        [
            "--event-dir", EventDirectory,
            $"--MotionServer:Network:HostsFile={hosts}",
            $"--MotionServer:Network:Port={fleet.Port.ToString(CultureInfo.InvariantCulture)}",
            "--MotionServer:Detection:Interval=00:00:00.1",
            "--MotionServer:Disconnection:Interval=00:00:00.1",
            "--MotionServer:Dashboard:Interval=00:00:00.1",
            "--MotionServer:Retry:InitialDelay=00:00:00.1",
            "--MotionServer:Retry:MaxDelay=00:00:01",
        ]);
    }

    private void WriteRoster(IReadOnlyDictionary<int, string> fileIds)
    {
        var csv = new StringBuilder("Entrant ID,Tally,Motion ID,Start Date,End Date,File ID,First Name,Family Name,Craft Type,Class,Status,Entry Type\n");
        foreach (var (id, fileId) in fileIds.OrderBy(p => p.Key))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{id},1,{id},{From:yyyy-MM-dd},{To:yyyy-MM-dd},{fileId},Test,Sailor{id},Sailboard,,Pro Fleet,All Week\n");
        }

        string path = Path.Combine(EventDirectory, "config", "motions.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, csv.ToString());
    }

    private static DateOnly From => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-15));

    private static DateOnly To => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(15));

    private static MotionRoster Roster(IReadOnlyDictionary<int, string> fileIds) =>
        MotionRoster.Create(fileIds.Select(p => new RosterEntry { MotionId = p.Key, FileId = p.Value, StartDate = From, EndDate = To }));
}
