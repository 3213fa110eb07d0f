using System.Net;
using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Logging.Abstractions;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Graph;

/// <summary>
/// Issue 17: a failed device's backoff runs on the monotonic clock. With the backoff a wall time, a clock stepped back
/// an hour during it held the device out of detection for that hour; stepped forward, it came back at once.
/// </summary>
public sealed class RetryPacerClockStepTests : IDisposable
{
    private readonly SteppableClock _clock = new();
    private readonly PipelineLifetime _lifetime = new();
    private readonly FleetState _fleet;
    private readonly RetryPacer _pacer;
    private readonly BufferBlock<DeviceWork> _detection = new();

    public RetryPacerClockStepTests()
    {
        _fleet = new FleetState(_clock, id => $"motion-{id}", "/event");
        _fleet.ApplyRoster(MotionRoster.Create([new RosterEntry
        {
            MotionId = 801, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 17), FileId = "F801", FirstName = "N", FamilyName = "801",
        }]));
        _fleet.ClaimForDetection().Should().Equal(801);
        var blocks = new DataflowBlocks(new StageGuard(_lifetime, NullLogger.Instance), NullLogger.Instance, (block, error) => throw new InvalidOperationException($"{block} faulted", error));
        _pacer = new RetryPacer(_fleet, _clock, _lifetime, blocks);
        _pacer.Delay.LinkTo(_detection, new DataflowLinkOptions { PropagateCompletion = true });
    }

    public void Dispose() => _lifetime.Dispose();

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
        _clock.Advance(TimeSpan.FromSeconds(10));
        _clock.StepWallClock(TimeSpan.FromHours(-1));

        _fleet.ClaimForDetection().Should().Equal([801], "its backoff is over: an hour of wall time stepped back holds nothing back");
    }
}
