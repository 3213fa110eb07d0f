using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Detection;

public sealed class DetectionStageTests : IDisposable
{
    private static readonly IPAddress Address = IPAddress.Parse("127.0.0.9");

    private readonly StageRig _rig = new(new FakeTimeProvider(), new ScriptedConnectProbe(true), configure: null, 801);
    private readonly DetectionStage _stage;

    public DetectionStageTests() => _stage = new DetectionStage(_rig.Reporter, _rig.Departures, _rig.FleetLog);

    [Fact]
    public async Task Run_ADeviceFound_IsConnected_AndGoesOnToInspection()
    {
        var outcome = await _rig.Guard.Guard(_stage)(_rig.Work(801, Address));

        outcome.Should().Be(new DeviceDetected(_rig.Work(801, Address), Address));
        _rig.Timeline.Should().Equal("line: motion-801 detected at 127.0.0.9", "line: motion-801 is connected", "status: 801 Connected");
        _rig.Motion(801).Address.Should().Be("127.0.0.9");
    }

    [Theory]
    [InlineData(MotionStatus.Completed)]
    [InlineData(MotionStatus.Failed)]
    public async Task Run_NotFoundAfterItWasDoneOrFailed_IsDisconnected(MotionStatus before)
    {
        Bring(before);

        var outcome = await _rig.Guard.Guard(_stage)(_rig.Work(801));

        outcome.Should().Be(new DeviceNotFound(_rig.Work(801)));
        _rig.Timeline.Should().Equal("line: motion-801 has been disconnected", "status: 801 Disconnected");
    }

    [Fact]
    public async Task Run_NotFound_WhenSetBackForARosterReplan_SaysItHasBeenDisconnected()
    {
        // Issue 17: a completed device whose roster rows change is set back to connected and looked for again; gone, it
        // became disconnected without the contract's line.
        Bring(MotionStatus.Completed);
        _rig.Fleet.ApplyRoster(Support.MotionRosters.WithFileId(_rig.Fleet.Roster, "G801"));
        _rig.Fleet.ClaimForDetection().Should().Equal([801], "a re-plan is claimed at once");
        _rig.ClearTimeline();

        var outcome = await _rig.Guard.Guard(_stage)(_rig.Work(801));
        _rig.Fleet.Release(801);

        outcome.Should().Be(new DeviceNotFound(_rig.Work(801)));
        _rig.Timeline.Should().Equal("line: motion-801 has been disconnected", "status: 801 Disconnected");
    }

    [Theory]
    [InlineData(MotionStatus.Waiting)]
    [InlineData(MotionStatus.Disconnected)]
    public async Task Run_NotFound_WhenNeverSeenOrAlreadyGone_SaysNothing(MotionStatus before)
    {
        Bring(before);

        var outcome = await _rig.Guard.Guard(_stage)(_rig.Work(801));

        outcome.Should().Be(new DeviceNotFound(_rig.Work(801)));
        _rig.Timeline.Should().BeEmpty("an absent device is the normal case all day");
        _rig.Motion(801).Status.Should().Be(before);
    }

    [Fact]
    public async Task Failed_IsAWarning_AndTheDeviceCountsAsNotFound()
    {
        var outcome = await _stage.FailedAsync(_rig.Work(801, Address), new StageError(StageErrorKind.Unexpected, "unexpected InvalidOperationException: x"));

        outcome.Should().Be(new DeviceNotFound(_rig.Work(801, Address)));
        _rig.Log.Lines.Should().Equal(new CapturingLoggerProvider.LogLine(LogLevel.Warning, "motion-801 detection failed - unexpected InvalidOperationException: x"));
        _rig.Motion(801).Status.Should().Be(MotionStatus.Waiting);
    }

    [Fact]
    public void LookFailed_IsAWarning_ThenTheNotFoundRule()
    {
        Bring(MotionStatus.Completed);

        _stage.LookFailed(_rig.Work(801), new System.Net.Sockets.SocketException(10065));

        _rig.Timeline.Should().HaveCount(3);
        _rig.Timeline[0].Should().StartWith("line: motion-801 detection failed - unexpected SocketException: ");
        _rig.Timeline.Skip(1).Should().Equal("line: motion-801 has been disconnected", "status: 801 Disconnected");
    }

    private void Bring(MotionStatus status)
    {
        var fleet = _rig.Fleet;
        switch (status)
        {
            case MotionStatus.Completed:
                fleet.MarkConnected(801, Address);
                fleet.MarkCompleted(801);
                break;
            case MotionStatus.Failed:
                fleet.MarkFailed(801, "x", _ => TimeSpan.Zero);
                break;
            case MotionStatus.Disconnected:
                fleet.MarkDisconnected(801);
                break;
        }

        fleet.StatusOf(801).Should().Be(status);
        _rig.ClearTimeline();
    }

    public void Dispose() => _rig.Dispose();
}
