using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Disconnection;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Disconnection;

public sealed class DisconnectionStageTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 12, 9, 0, 0, TimeSpan.Zero);
    private static readonly IPAddress Address = IPAddress.Parse("127.0.0.9");

    private readonly FakeTimeProvider _time = new(T0);
    private readonly ScriptedConnectProbe _probe = new(true);
    private readonly StageRig _rig;
    private readonly DisconnectionStage _stage;

    public DisconnectionStageTests()
    {
        _rig = new StageRig(_time, _probe, o =>
        {
            o.Network.Port = 8123;
            o.Disconnection.ConnectTimeout = TimeSpan.FromSeconds(3);
        }, 801);
        _stage = new DisconnectionStage(_probe, _rig.Fleet, _rig.Reporter, _rig.Departures, _rig.Options, _rig.FleetLog);
        _rig.Fleet.MarkConnected(801, Address);
        _rig.Fleet.MarkCompleted(801);
        _rig.ClearTimeline();
    }

    private DeviceWork Work => _rig.Work(801, Address);

    private Task ProbeAsync(DeviceWork work) => _stage.ProbeAsync(work, _rig.Lifetime.Stopping);

    [Fact]
    public async Task Probe_Answered_TheDeviceIsSeenNow_AndStaysCompleted()
    {
        _time.Advance(TimeSpan.FromMinutes(1));

        await ProbeAsync(Work);

        _rig.Motion(801).LastSeen.Should().Be(T0 + TimeSpan.FromMinutes(1));
        _rig.Motion(801).Status.Should().Be(MotionStatus.Completed);
        _rig.Timeline.Should().BeEmpty();
        _probe.Calls.Should().ContainSingle().Which.Should().Be(
            new ScriptedConnectProbe.Call(Address, 8123, TimeSpan.FromSeconds(3), _rig.Lifetime.Stopping));
    }

    [Fact]
    public async Task Probe_Silent_TheDeviceHasLeft()
    {
        _probe.Answer = _ => Task.FromResult(false);
        _time.Advance(TimeSpan.FromMinutes(1));

        await ProbeAsync(Work);

        _rig.Timeline.Should().Equal("line: motion-801 has been disconnected", "status: 801 Disconnected");
        _rig.Motion(801).Address.Should().BeNull();
        _rig.Motion(801).LastSeen.Should().Be(T0, "silence is not a sighting");
    }

    [Fact]
    public async Task Probe_Silent_ForADeviceNoLongerCompleted_ChangesNothing()
    {
        _probe.Answer = _ => Task.FromResult(false);
        _rig.Fleet.MarkConnected(801, Address); // found again by detection while the probe was queued
        _rig.ClearTimeline();

        await ProbeAsync(Work);

        _rig.Timeline.Should().BeEmpty();
    }

    [Fact]
    public async Task Probe_Throws_IsAWarning_AndNothingIsConcluded()
    {
        _probe.Answer = _ => throw new InvalidOperationException("socket trouble");

        await ProbeAsync(Work);

        _rig.Log.Lines.Should().Equal(new CapturingLoggerProvider.LogLine(
            LogLevel.Warning, "motion-801 presence probe failed - unexpected InvalidOperationException: socket trouble"));
        _rig.Motion(801).Status.Should().Be(MotionStatus.Completed);
        _rig.Timeline.Should().NotContain(e => e.StartsWith("status:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Probe_CutByTheStop_ConcludesNothing()
    {
        var probing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.Answer = async _ =>
        {
            probing.SetResult();
            await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, _rig.Lifetime.Stopping);
            return false;
        };

        var running = ProbeAsync(Work);
        await probing.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _rig.Lifetime.BeginStop();

        await running.WaitAsync(TimeSpan.FromSeconds(10));
        _rig.Motion(801).Status.Should().Be(MotionStatus.Completed, "a probe cut by the stop says nothing about the device");
        _rig.Timeline.Should().BeEmpty();
        _rig.Log.Lines.Should().BeEmpty("a stop is no probe failure");
    }

    [Fact]
    public async Task Probe_SayingNoAnswerBecauseOfTheStop_ConcludesNothing()
    {
        _probe.Answer = _ =>
        {
            _rig.Lifetime.BeginStop();
            return Task.FromResult(false); // a probe that reports its cut connect as "no answer"
        };

        await ProbeAsync(Work);

        _rig.Motion(801).Status.Should().Be(MotionStatus.Completed);
        _rig.Timeline.Should().BeEmpty();
    }

    [Fact]
    public async Task Probe_WithoutAnAddress_IsLeftAlone()
    {
        await ProbeAsync(_rig.Work(801));

        _probe.Calls.Should().BeEmpty();
    }

    public void Dispose() => _rig.Dispose();
}
