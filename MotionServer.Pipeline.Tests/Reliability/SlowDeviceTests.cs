using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Transfers;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Emulator;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 4, guarantee 3 (time): a device that stalls between bytes or trickles below Download:MinBytesPerSecond loses
/// its download worker after one Download:RequestTimeout window, so slow devices never hold the fleet's downloads.
/// </summary>
public sealed class SlowDeviceTests : ReliabilityTest
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task StalledTransfer_EndsAfterTheBetweenBytesTimeout_FreesTheWorker_AndIsRetried()
    {
        await using var fleet = await FleetBuilder.StartAsync([831, 832], tracksPerDevice: 1, join: false);
        fleet[831].Faults.Add(DeviceFault.StallAfter(4_000).ForNext(2));
        var stalled = Signal.Progress(fleet[831], p => p.Outcome == TransferOutcome.Stalled);
        await fleet[831].JoinAsync();
        await using var server = await StartAsync(fleet, configure: o =>
        {
            o.Download.Workers = 1; // the stalled device holds the only worker until the timeout frees it
            o.Download.RequestTimeout = Window;
        });
        await stalled;

        var clock = Stopwatch.StartNew();
        await fleet[832].JoinAsync();
        await server.WaitForCompletedAsync(832, tracks: 1);

        clock.Elapsed.Should().BeLessThan(Window + TimeSpan.FromSeconds(4), "the stalled transfer lost the only worker after one between-bytes timeout");
        server.Log.Messages(LogLevel.Error).Should().Contain(m => m.StartsWith("motion-831 F831_", StringComparison.Ordinal) && m.Contains(" failed - no data for 1.5 s", StringComparison.Ordinal));
        await server.WaitForCompletedAsync(831, tracks: 1);
        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        await server.StopAsync(); // a finished run: nothing is being rewritten any more
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
    }

    [Fact]
    public async Task FourTricklers_DoNotStopTheFleet_TheFifthDeviceCompletesPromptly()
    {
        int[] tricklers = [841, 842, 843, 844];
        await using var fleet = await FleetBuilder.StartAsync([.. tricklers, 845], tracksPerDevice: 1, join: false);
        var trickling = new List<Task>();
        foreach (int id in tricklers)
        {
            // A byte every 250 ms after the first kilobyte: ~4 bytes/s, far below Download:MinBytesPerSecond, yet never
            // silent long enough for the between-bytes timeout.
            fleet[id].Faults.Add(DeviceFault.Trickle(TimeSpan.FromMilliseconds(250), afterBytes: 1_000));
            trickling.Add(Signal.Progress(fleet[id], p => p.Path.EndsWith(".oao", StringComparison.Ordinal) && p.BytesSent > 1_000));
            await fleet[id].JoinAsync();
        }

        await using var server = await StartAsync(fleet, configure: o =>
        {
            o.Download.Workers = 4;
            o.Download.RequestTimeout = Window;
            o.Download.MinBytesPerSecond = 1024;
        });
        await Task.WhenAll(trickling); // all four download workers are held by tricklers

        var clock = Stopwatch.StartNew();
        await fleet[845].JoinAsync();
        await server.WaitForCompletedAsync(845, tracks: 1);
        clock.Stop();

        clock.Elapsed.Should().BeLessThan(Window + TimeSpan.FromSeconds(4), "a trickler loses its worker after one rate window");
        foreach (int id in tricklers)
        {
            // Each trickler is cut by the rate guard, with the measured rate in the log (the last may be cut after 845 is done).
            await WaitForLogAsync(server, m => m.StartsWith($"motion-{id} F{id}_", StringComparison.Ordinal)
                && m.Contains(" failed - transfer stalled: ", StringComparison.Ordinal) && m.Contains("(minimum 1024)", StringComparison.Ordinal));
            server.Fleet.GetMotion(id)!.Status.Should().NotBe(MotionStatus.Completed);
        }

        foreach (int id in tricklers)
        {
            fleet[id].Faults.Clear();
        }

        foreach (int id in tricklers)
        {
            await server.WaitForCompletedAsync(id, tracks: 1);
        }

        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        await server.StopAsync(); // a finished run: nothing is being rewritten any more
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
    }
}
