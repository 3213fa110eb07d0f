using System.Net;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Stages;

public sealed class DeparturePolicyTests : IDisposable
{
    private static readonly IPAddress Address = IPAddress.Parse("127.0.0.9");

    private readonly ScriptedConnectProbe _probe = new(true);
    private readonly StageRig _rig;

    public DeparturePolicyTests() => _rig = new StageRig(new FakeTimeProvider(), _probe, o =>
    {
        o.Network.Port = 8123;
        o.Detection.ConnectTimeout = TimeSpan.FromMilliseconds(700);
        o.Disconnection.ConnectTimeout = TimeSpan.FromSeconds(9);
    }, 801);

    public static TheoryData<string, bool> Statuses => new()
    {
        { "waiting", false },
        { "connected", false },
        { "pending", false },
        { "completed", true },
        { "failed", true },
        { "disconnected", false },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void AbsenceIsDeparture_OnlyForADeviceThatWasCompletedOrFailed(string status, bool departed)
    {
        Bring(801, status);

        _rig.Departures.AbsenceIsDeparture(801).Should().Be(departed);
    }

    [Fact]
    public void AbsenceIsDeparture_ForADeviceNotOnTheRoster_IsFalse() =>
        _rig.Departures.AbsenceIsDeparture(999).Should().BeFalse();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task IsStillThere_IsWhatAConnectWithinTheDetectionTimeoutSays(bool answers)
    {
        _probe.Answer = _ => Task.FromResult(answers);
        using var cancel = new CancellationTokenSource();

        (await _rig.Departures.IsStillThereAsync(Address, cancel.Token)).Should().Be(answers);

        _probe.Calls.Should().ContainSingle().Which.Should().Be(new ScriptedConnectProbe.Call(Address, 8123, TimeSpan.FromMilliseconds(700), cancel.Token));
    }

    [Fact]
    public async Task IsStillThere_WhenTheConnectIsCancelled_IsFalse()
    {
        _probe.Answer = _ => throw new OperationCanceledException();

        (await _rig.Departures.IsStillThereAsync(Address, CancellationToken.None)).Should().BeFalse();
    }

    private void Bring(int id, string status)
    {
        var fleet = _rig.Fleet;
        switch (status)
        {
            case "waiting": break;
            case "connected": fleet.MarkConnected(id, Address); break;
            case "pending": fleet.MarkPending(id); break;
            case "completed": fleet.MarkCompleted(id); break;
            case "failed": fleet.MarkFailed(id, "x", _ => TimeSpan.Zero); break;
            case "disconnected": fleet.MarkDisconnected(id); break;
        }

        fleet.StatusOf(id)!.Value.ToContractName().Should().Be(status);
    }

    public void Dispose() => _rig.Dispose();
}
