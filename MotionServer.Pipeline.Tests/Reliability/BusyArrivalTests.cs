using MotionServer.Emulator.Faults;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 4, guarantee 3 ("no item is ever lost by the graph"): more devices than the stages have workers and queue
/// room — a restart mid-event with the whole fleet present, or the busiest arrival of the week — are all processed.
/// </summary>
public sealed class BusyArrivalTests : ReliabilityTest
{
    [Fact]
    public async Task StartWithThirtySlowDevicesPresent_ProcessesEveryOne()
    {
        int[] ids = [.. Enumerable.Range(701, 30)];
        await using var fleet = await FleetBuilder.StartAsync(ids, tracksPerDevice: 1);
        foreach (int id in ids)
        {
            // A slow WiFi: every metadata answer takes a while, so detected devices queue up for inspection.
            fleet[id].Faults.Add(DeviceFault.Delay(TimeSpan.FromMilliseconds(150), "/info.json"));
        }

        await using var server = await StartAsync(fleet); // the contract's 4 workers per stage

        await WaitForAllCompletedAsync(server, ids.ToDictionary(id => id, _ => 1), TimeSpan.FromSeconds(45));

        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        await server.StopAsync(); // a finished run: nothing is being rewritten any more
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
        EventFolderScan.LedgersShouldMatchFiles(server.Folder);
    }
}
