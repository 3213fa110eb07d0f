using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Stages;

public sealed class StageGuardTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly StageRig _rig = new(new FakeTimeProvider(), probe: new ScriptedConnectProbe(true), configure: null, 801);

    private DeviceWork Work => _rig.Work(801, IPAddress.Loopback);

    [Fact]
    public async Task Guard_WhenStopping_AbandonsWithoutCallingTheStage()
    {
        var stage = new FakeDeviceStage<DeviceWork> { Run = w => Task.FromResult<StageOutcome>(new DeviceDone(w)) };
        _rig.Lifetime.BeginStop();

        var outcome = await _rig.Guard.Guard(stage)(Work);

        outcome.Should().Be(new DeviceAbandoned(Work));
        stage.Runs.Should().BeEmpty("work that waited while the server began to stop is left, not started");
        stage.Failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Guard_WhenRunning_ReturnsWhatTheStageDecided()
    {
        var stage = new FakeDeviceStage<DeviceWork> { Run = w => Task.FromResult<StageOutcome>(new DeviceDone(w)) };

        var outcome = await _rig.Guard.Guard(stage)(Work);

        outcome.Should().Be(new DeviceDone(Work));
        stage.Runs.Should().ContainSingle().Which.Should().Be(Work);
    }

    [Fact]
    public async Task Guard_ACancellationWhileStopping_Abandons_AndIsNoFailure()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stage = new FakeDeviceStage<DeviceWork>
        {
            Run = async _ =>
            {
                entered.SetResult();
                await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, _rig.Lifetime.Stopping);
                throw new InvalidOperationException("not reached");
            },
        };

        var running = _rig.Guard.Guard(stage)(Work);
        await entered.Task.WaitAsync(Timeout);
        _rig.Lifetime.BeginStop();

        (await running.WaitAsync(Timeout)).Should().Be(new DeviceAbandoned(Work));
        stage.Failures.Should().BeEmpty("a stop is not the device's failure");
    }

    [Fact]
    public async Task Guard_ACancellationWhileRunning_IsAFailure_NotAVanishedDevice()
    {
        // An HttpClient timeout arrives as a TaskCanceledException: inside a Dataflow block it would make the item vanish.
        var stage = new FakeDeviceStage<DeviceWork> { Run = _ => throw new TaskCanceledException("the request timed out") };

        var outcome = await _rig.Guard.Guard(stage)(Work);

        outcome.Should().Be(new DeviceFailed(Work, "unexpected TaskCanceledException: the request timed out"));
        stage.Failures.Should().ContainSingle().Which.Error.Kind.Should().Be(StageErrorKind.Unexpected);
    }

    public static TheoryData<Exception, string, string> Errors => new()
    {
        { new DeviceAnswerException("logs.json request failed: ConnectionRefused", unreachable: true), nameof(StageErrorKind.DeviceUnreachable), "logs.json request failed: ConnectionRefused" },
        { new DeviceAnswerException("info.json answered HTTP 500"), nameof(StageErrorKind.DeviceAnswer), "info.json answered HTTP 500" },
        { new IOException("No space left on device"), nameof(StageErrorKind.EventFolder), "No space left on device" },
        { new UnauthorizedAccessException("Access to the path is denied"), nameof(StageErrorKind.EventFolder), "Access to the path is denied" },
        { new InvalidOperationException("a defect"), nameof(StageErrorKind.Unexpected), "unexpected InvalidOperationException: a defect" },
        { new DeviceAnswerException("bad\nline"), nameof(StageErrorKind.DeviceAnswer), "bad\\nline" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Guard_AnException_IsClassifiedAndHandedToTheStagesFailedAsync(Exception error, string kind, string reason)
    {
        var stage = new FakeDeviceStage<DeviceWork>
        {
            Run = _ => throw error,
            Failed = (w, e) => Task.FromResult<StageOutcome>(new DeviceNotFound(w)),
        };

        var outcome = await _rig.Guard.Guard(stage)(Work);

        stage.Failures.Should().ContainSingle().Which.Should().Be((Work, new StageError(Enum.Parse<StageErrorKind>(kind), reason)));
        outcome.Should().Be(new DeviceNotFound(Work), "the stage's own FailedAsync decides the outcome");
    }

    [Fact]
    public async Task Guard_AnExceptionThrownAfterTheFirstAwait_IsHandledTheSame()
    {
        var stage = new FakeDeviceStage<DeviceWork>
        {
            Run = async _ =>
            {
                await Task.Yield();
                throw new IOException("disk gone");
            },
        };

        var outcome = await _rig.Guard.Guard(stage)(Work);

        outcome.Should().Be(new DeviceFailed(Work, "disk gone"));
    }

    [Fact]
    public async Task Guard_FailedAsyncThrowing_StillFailsTheDevice_AndSaysSo()
    {
        var stage = new FakeDeviceStage<DeviceWork>
        {
            Run = _ => throw new DeviceAnswerException("settings.json answered HTTP 404"),
            Failed = (_, _) => throw new InvalidOperationException("handling broke"),
        };

        var outcome = await _rig.Guard.Guard(stage)(Work);

        outcome.Should().Be(new DeviceFailed(Work, "settings.json answered HTTP 404"));
        _rig.Log.Lines.Should().ContainSingle(l => l.Level == LogLevel.Error).Which.Message.Should()
            .Be("motion-801 fake failed - settings.json answered HTTP 404; and handling that failed too - InvalidOperationException: handling broke");
    }

    [Fact]
    public async Task Guard_FailedAsyncCancelledWhileStopping_Abandons()
    {
        var stage = new FakeDeviceStage<DeviceWork>
        {
            Run = _ => throw new DeviceAnswerException("info.json did not arrive within 5 s", unreachable: true),
            Failed = (_, _) =>
            {
                _rig.Lifetime.AbandonInFlightWork(); // the stop's deadline passed while the stage was deciding
                throw new OperationCanceledException(_rig.Lifetime.Abandon);
            },
        };

        var outcome = await _rig.Guard.Guard(stage)(Work);

        outcome.Should().Be(new DeviceAbandoned(Work));
        _rig.Log.Lines.Should().NotContain(l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Guard_AMisroutedOutcome_IsAbandoned_WithACriticalLine_AndTheStageIsNotCalled()
    {
        var stage = new FakeDeviceStage<DeviceDetected> { Name = "inspection", Run = d => Task.FromResult<StageOutcome>(new DeviceDone(d.Work)) };
        var misrouted = new DeviceNotFound(Work);

        var outcome = await _rig.Guard.Guard(stage)(misrouted);

        outcome.Should().Be(new DeviceAbandoned(Work));
        stage.Runs.Should().BeEmpty();
        _rig.Log.Lines.Should().ContainSingle().Which.Should().Be(new CapturingLoggerProvider.LogLine(
            LogLevel.Critical, "motion-801 reached inspection as DeviceNotFound, which it does not take - a defect in the graph's wiring"));
    }

    [Fact]
    public async Task Guard_AnOutcomeOfTheRightType_ReachesTheStage()
    {
        var stage = new FakeDeviceStage<DeviceDetected> { Name = "inspection", Run = d => Task.FromResult<StageOutcome>(new DeviceDone(d.Work)) };
        var detected = new DeviceDetected(Work, IPAddress.Loopback);

        var outcome = await _rig.Guard.Guard(stage)(detected);

        outcome.Should().Be(new DeviceDone(Work));
        stage.Runs.Should().ContainSingle().Which.Should().Be(detected);
    }

    public void Dispose() => _rig.Dispose();
}
