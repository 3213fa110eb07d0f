using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 4, guarantee 3: a device that stalls, drops, answers 500, sends malformed or oversized JSON, too many logs, a
/// track beyond the limit, more or fewer bytes than announced, or claims another identifier ends <c>failed</c> with a
/// clear log line naming it and the reason, is retried from detection, and affects nobody else. No exception faults a
/// block: after every one of these at once, a device that joins last is still processed.
/// </summary>
public sealed class MisbehavingDeviceTests : ReliabilityTest
{
    public static TheoryData<string> Kinds => [.. BadDevice.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task MisbehavingDevice_EndsFailedWithAClearLine_IsRetried_AndTheOthersCarryOn(string kind)
    {
        await using var fleet = await FleetBuilder.StartAsync([851, 852, 853], tracksPerDevice: 1, join: false);
        var (reason, recover) = BadDevice.Apply(fleet[851], kind);
        await fleet.JoinAllAsync();
        await using var server = await StartAsync(fleet, configure: BadDevice.Configure);

        var failing = await server.WaitForAsync(851, m => m.FailedAttempts >= 2 && m.Status == MotionStatus.Failed);
        await server.WaitForCompletedAsync(852, tracks: 1);
        await server.WaitForCompletedAsync(853, tracks: 1);

        server.Log.Lines.Should().Contain(l => l.Level == LogLevel.Error && l.Message.StartsWith("motion-851 ", StringComparison.Ordinal) && l.Message.Contains(reason, StringComparison.Ordinal),
            "the log names the device and the reason");
        failing.LastError.Should().NotBeNullOrEmpty();
        var lines = server.Log.Lines.ToList();
        int firstFailure = lines.FindIndex(l => l.Level == LogLevel.Error && l.Message.StartsWith("motion-851 ", StringComparison.Ordinal));
        lines.Skip(firstFailure).Should().Contain(l => l.Message == "motion-851 is connected", "a failed device is retried from detection");

        server.Log.Messages().Should().NotContain("motion-851 can be disconnected");
        if (recover is null)
        {
            var flagged = await server.WaitForAsync(851, m => m.Attention is not null);
            flagged.Attention.Should().Contain("MaxTrackBytes");
            server.Fleet.GetMotion(851)!.Tracks.Failed.Should().Be(1);
        }
        else
        {
            recover();
            await server.WaitForCompletedAsync(851, tracks: 1);
            server.Fleet.GetMotion(851)!.Attention.Should().BeNull("a device that completes is no longer flagged");
            EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
        }

        Watch!.ShouldHaveSeenNoViolation();
        await server.StopAsync(); // a finished run: nothing is being rewritten any more
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
        EventFolderScan.LedgersShouldMatchFiles(server.Folder);
    }

    [Fact]
    public async Task AfterEveryMisbehaviourAtOnce_ADeviceThatJoinsLast_IsStillProcessed()
    {
        int first = 860;
        int[] bad = [.. Enumerable.Range(first, BadDevice.Kinds.Length)];
        int last = first + bad.Length;
        await using var fleet = await FleetBuilder.StartAsync([.. bad, last], tracksPerDevice: 1, join: false);
        var recoveries = bad.Select((id, i) => BadDevice.Apply(fleet[id], BadDevice.Kinds[i]).Recover).ToArray();
        foreach (int id in bad)
        {
            await fleet[id].JoinAsync();
        }

        await using var server = await StartAsync(fleet, configure: BadDevice.Configure);
        foreach (int id in bad)
        {
            await server.WaitForAsync(id, m => m.FailedAttempts >= 3, TimeSpan.FromSeconds(60));
        }

        await fleet[last].JoinAsync();
        await server.WaitForCompletedAsync(last, tracks: 1);

        foreach (var recover in recoveries)
        {
            recover?.Invoke();
        }

        for (int i = 0; i < bad.Length; i++)
        {
            if (recoveries[i] is not null)
            {
                await server.WaitForCompletedAsync(bad[i], tracks: 1, TimeSpan.FromSeconds(60));
            }
        }

        Watch!.ShouldHaveSeenNoViolation();
        await server.StopAsync(); // a finished run: nothing is being rewritten any more
        EventFolderScan.ShouldHaveNoTemporaryFiles(EventDirectory);
        EventFolderScan.LedgersShouldMatchFiles(server.Folder);
    }
}
