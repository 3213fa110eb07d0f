using System.Net;
using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Logging.Abstractions;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Graph;

public sealed class RetryPacerTests : IDisposable
{
    private static readonly int[] Devices = [801, 802, 803, 804];

    private readonly SteppableClock _clock = new(); // the wall clock can be stepped; without a step, a TimerWatchingClock
    private readonly PipelineLifetime _lifetime = new();
    private readonly FleetState _fleet;
    private readonly RetryPacer _pacer;

    /// <summary>Where the pacer sends devices back to (detection, in the graph).</summary>
    private readonly BufferBlock<DeviceWork> _detection = new();

    public RetryPacerTests()
    {
        _fleet = new FleetState(_clock, id => $"motion-{id}", "/event");
        _fleet.ApplyRoster(MotionRoster.Create(Devices.Select(id => new RosterEntry
        {
            MotionId = id, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 17), FileId = $"F{id}", FirstName = "N", FamilyName = $"{id}",
        })));
        _fleet.ClaimForDetection().Should().Equal(Devices, "every device is in the graph, as when the sweep claimed it");
        var blocks = new DataflowBlocks(new StageGuard(_lifetime, NullLogger.Instance), NullLogger.Instance, (block, error) => throw new InvalidOperationException($"{block} faulted", error));
        _pacer = new RetryPacer(_fleet, _clock, _lifetime, blocks);
        _pacer.Delay.LinkTo(_detection, new DataflowLinkOptions { PropagateCompletion = true });
    }

    public void Dispose()
    {
        _lifetime.Dispose();
    }

    [Fact]
    public async Task FailedDevice_GoesBackToDetection_WhenItsOwnBackoffIsOver_AndWithoutItsOldAddress()
    {
        Fail(801, TimeSpan.FromSeconds(10));

        var wait = await _clock.NextTimerAsync();
        wait.DueAt.Should().Be(_fleet.NotBeforeOf(801));
        _clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        _detection.Count.Should().Be(0, "its backoff is not over");
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        (await _detection.ReceiveAsync(Patience.Timeout)).Should().Be(new DeviceWork(801, "motion-801"), "detection looks its address up afresh");
    }

    [Fact]
    public async Task FailedDevice_WhoseBackoffIsAlreadyOver_GoesBackAtOnce()
    {
        _fleet.MarkFailed(801, "no answer", _ => TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(6)); // it waited in the retry buffer longer than its backoff

        _pacer.Buffer.Post(new DeviceFailed(new DeviceWork(801, "motion-801", IPAddress.Loopback), "no answer")).Should().BeTrue();

        (await _detection.ReceiveAsync(Patience.Timeout)).DeviceId.Should().Be(801);
        _clock.HasUnseenTimer.Should().BeFalse("there was nothing left to wait for");
    }

    [Fact]
    public async Task ManyFailedDevices_EachWaitsOnItsOwnClock_NoneBehindAnother()
    {
        // Posted longest backoff first: a device queued behind another's wait would come out late.
        Fail(801, TimeSpan.FromSeconds(40));
        Fail(802, TimeSpan.FromSeconds(30));
        Fail(803, TimeSpan.FromSeconds(20));
        Fail(804, TimeSpan.FromSeconds(10));
        var waits = new List<TimeSpan>();
        for (int i = 0; i < Devices.Length; i++)
        {
            waits.Add((await _clock.NextTimerAsync()).DueTime);
        }

        waits.Should().BeEquivalentTo([TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10)], "all wait at once");
        foreach (int expected in new[] { 804, 803, 802, 801 })
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            (await _detection.ReceiveAsync(Patience.Timeout)).DeviceId.Should().Be(expected);
            _detection.Count.Should().Be(0, "the others still wait");
        }
    }

    [Fact]
    public async Task Stopping_ReleasesAWaitingDevice_AndDoesNotSendItBack()
    {
        Fail(801, TimeSpan.FromSeconds(60));
        await _clock.NextTimerAsync();

        _lifetime.BeginStop();
        await DrainAsync();

        _detection.TryReceiveAll(out var sentBack).Should().BeFalse($"nothing goes back to detection once stopping, yet {sentBack?.Count} did");
        _clock.Advance(TimeSpan.FromSeconds(61));
        _fleet.ClaimForDetection().Should().Equal([801], "its claim was released: the next run (or sweep) may take it");
    }

    [Fact]
    public async Task FailureArrivingOnceStopping_IsReleasedAtOnce_AndNotSentBack()
    {
        _lifetime.BeginStop();

        Fail(802, TimeSpan.FromSeconds(60));
        await DrainAsync();

        _detection.TryReceiveAll(out _).Should().BeFalse();
        _clock.HasUnseenTimer.Should().BeFalse("a stopping server does not wait out a backoff");
        _clock.Advance(TimeSpan.FromSeconds(61));
        _fleet.ClaimForDetection().Should().Equal([802]);
    }

    /// <summary>A claimed device fails (paced by <paramref name="backoff"/>) and its outcome is routed to the retry buffer.</summary>
    // Issue 17: the backoff runs on the monotonic clock. As a wall time, a clock stepped back an hour during it held the
    // device out of detection for that hour; stepped forward, it came back at once.
    [Theory]
    [InlineData(-1)]
    [InlineData(+1)]
    public async Task ClockStepped_DuringABackoff_TheDeviceComesBackWhenItsBackoffIsOver(int hours)
    {
        _fleet.MarkFailed(801, "no answer", _ => TimeSpan.FromSeconds(10));
        _clock.StepWallClock(TimeSpan.FromHours(hours));
        _pacer.Buffer.Post(new DeviceFailed(new DeviceWork(801, "motion-801", IPAddress.Loopback), "no answer")).Should().BeTrue();

        await _clock.NextTimerAsync();
        _fleet.RetryWaitOf(801).Should().Be(TimeSpan.FromSeconds(10), "the step changes no wait");
        _detection.Count.Should().Be(0, "its backoff is not over, whatever the wall clock says");
        _clock.Advance(TimeSpan.FromSeconds(10));

        (await _detection.ReceiveAsync(Patience.Timeout)).DeviceId.Should().Be(801);
    }

    [Fact]
    public void ClockSteppedBack_AfterABackoff_DetectionMayClaimTheDevice()
    {
        _fleet.MarkFailed(801, "no answer", _ => TimeSpan.FromSeconds(10));
        _fleet.Release(801);
        _fleet.ClaimForDetection().Should().BeEmpty("its backoff is not over");
        _clock.Advance(TimeSpan.FromSeconds(10));
        _clock.StepWallClock(TimeSpan.FromHours(-1));

        _fleet.ClaimForDetection().Should().Equal([801], "its backoff is over: an hour of wall time stepped back holds nothing back");
    }

    private void Fail(int id, TimeSpan backoff)
    {
        _fleet.MarkFailed(id, "no answer", _ => backoff);
        _pacer.Buffer.Post(new DeviceFailed(new DeviceWork(id, $"motion-{id}", IPAddress.Loopback), "no answer")).Should().BeTrue();
    }

    /// <summary>Completes the retry buffer, as the stop does last, and waits until every device has left the pacer.</summary>
    private async Task DrainAsync()
    {
        _pacer.Buffer.Complete();
        await _pacer.Delay.Completion.WaitAsync(Patience.Timeout);
    }
}
