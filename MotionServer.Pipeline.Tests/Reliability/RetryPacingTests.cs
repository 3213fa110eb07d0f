using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 4, guarantee 7: a failing device is retried with a backoff (never hammered) that still notices it promptly once
/// it behaves; after Retry:AttemptsBeforeAttention failed attempts the staff are told it "needs attention", and it is
/// never said to be "can be disconnected" while it owes a track. A device that joins after many failures is processed.
/// </summary>
public sealed class RetryPacingTests : ReliabilityTest
{
    private static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(800);

    [Fact]
    public async Task FailingDevice_IsRetriedWithBackoff_NotHammered_AndNoticedPromptlyOnceItBehaves()
    {
        await using var fleet = await FleetBuilder.StartAsync([891, 892], tracksPerDevice: 1);
        var fault = fleet[891].Faults.Add(DeviceFault.HttpError("/info.json"));
        var asked = new List<DateTimeOffset>();
        fleet[891].RequestServed += (_, r) =>
        {
            if (r.Path == "/info.json")
            {
                lock (asked)
                {
                    asked.Add(r.At);
                }
            }
        };
        await using var server = await StartAsync(fleet, configure: o =>
        {
            o.Retry.InitialDelay = InitialDelay;
            o.Retry.MaxDelay = MaxDelay;
            o.Detection.Interval = TimeSpan.FromMilliseconds(50); // unpaced, it would be asked 20 times a second
        });

        await server.WaitForAsync(891, m => m.FailedAttempts >= 7);
        await server.WaitForCompletedAsync(892, tracks: 1);

        DateTimeOffset[] times;
        lock (asked)
        {
            times = [.. asked];
        }

        for (int attempt = 1; attempt < Math.Min(times.Length, 7); attempt++)
        {
            // Backoff(n) doubles from Retry:InitialDelay up to Retry:MaxDelay, with at most 20 % jitter either way.
            var least = TimeSpan.FromTicks((long)(Math.Min(InitialDelay.Ticks * Math.Pow(2, attempt - 1), MaxDelay.Ticks) * 0.8));
            (times[attempt] - times[attempt - 1]).Should().BeGreaterThanOrEqualTo(least - TimeSpan.FromMilliseconds(15), $"the pause after failure {attempt} is the backoff");
        }

        var window = times[6] - times[0];
        window.Should().BeGreaterThan(TimeSpan.FromSeconds(2.2), "six pauses of at least 160, 320, 640, 640, 640, 640 ms");

        var clock = Stopwatch.StartNew();
        fault.Dispose();
        await server.WaitForCompletedAsync(891, tracks: 1);
        clock.Elapsed.Should().BeLessThan(MaxDelay * 1.2 + TimeSpan.FromSeconds(2), "the backoff never grows past Retry:MaxDelay, so a device that behaves is noticed promptly");
        Watch!.ShouldHaveSeenNoViolation();
    }

    [Fact]
    public async Task RepeatedFailures_NeedAttentionOnceAfterTheSetting_AndNeverCanBeDisconnectedWhileATrackIsOwed()
    {
        await using var fleet = await FleetBuilder.StartAsync([893], tracksPerDevice: 2);
        var fault = fleet[893].Faults.Add(DeviceFault.AbortAfter(1_000).On(fleet[893].Tracks[1].Path)); // one of its two tracks keeps breaking
        await using var server = await StartAsync(fleet, configure: o => o.Retry.AttemptsBeforeAttention = 5);

        var flagged = await server.WaitForAsync(893, m => m.Attention is not null && m.FailedAttempts >= 6);

        flagged.Attention.Should().StartWith("1 track(s) failed: transfer broke");
        flagged.Status.Should().NotBe(MotionStatus.Completed);
        var lines = server.Log.Lines.Select(l => (l.Level, l.Message)).ToList();
        int attentionAt = lines.FindIndex(l => l.Message.StartsWith("motion-893 needs attention - 1 track(s) failed: transfer broke", StringComparison.Ordinal));
        attentionAt.Should().BeGreaterThan(0);
        lines[attentionAt].Level.Should().Be(LogLevel.Error);
        lines.Take(attentionAt).Count(l => l.Level == LogLevel.Error && l.Message.Contains(" failed - transfer broke", StringComparison.Ordinal))
            .Should().Be(5, "the staff are told after Retry:AttemptsBeforeAttention failed attempts, not before");
        lines.Count(l => l.Message.StartsWith("motion-893 needs attention", StringComparison.Ordinal)).Should().Be(1, "said once, not at every later failure");
        server.Log.Messages().Should().NotContain("motion-893 can be disconnected");

        fault.Dispose();
        var done = await server.WaitForCompletedAsync(893, tracks: 2);

        done.Attention.Should().BeNull();
        done.CanBeDisconnected.Should().BeTrue();
        server.Log.Messages().Count(m => m == "motion-893 can be disconnected").Should().Be(1);
        Watch!.DisconnectChecks.Should().Be(1);
        Watch.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
    }

    [Fact]
    public async Task DevicesThatJoinAfterManyFailures_AreStillProcessed()
    {
        await using var fleet = await FleetBuilder.StartAsync([894, 895, 896], tracksPerDevice: 1, join: false);
        var fault = fleet[894].Faults.Add(DeviceFault.WrongIdentifier());
        await fleet[894].JoinAsync();
        await using var server = await StartAsync(fleet);

        await server.WaitForAsync(894, m => m.FailedAttempts >= 12);
        await fleet[895].JoinAsync(); // first seen after a dozen failures of another device
        await server.WaitForCompletedAsync(895, tracks: 1);

        await fleet[894].LeaveAsync(); // the failing device goes away, is put right, and comes back
        await server.WaitForAsync(894, m => m.Status == MotionStatus.Disconnected);
        fault.Dispose();
        fleet[894].AddTrack(FleetBuilder.Track(894, session: 1));
        await fleet[894].JoinAsync();
        await server.WaitForCompletedAsync(894, tracks: 2);

        await fleet[896].JoinAsync();
        await server.WaitForCompletedAsync(896, tracks: 1);
        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
    }
}
