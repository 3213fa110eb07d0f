using System.Diagnostics;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Devices;

namespace MotionServer.Pipeline.Tests.Devices;

/// <summary>
/// What every connect probe must do, against emulated devices on loopback: present, away and refusing, away and silent.
/// Run for the runtime's sockets (<see cref="TcpConnectProbeTests"/>) and for the polled probe used on Linux
/// (<see cref="PolledConnectProbeTests"/>).
/// </summary>
public abstract class ConnectProbeContract : IAsyncDisposable
{
    protected static readonly TimeSpan Patient = TimeSpan.FromSeconds(30);
    private readonly EmulatedFleet _fleet = EmulatedFleet.Create([881]);
    private readonly IConnectProbe _probe;

    private protected ConnectProbeContract(IConnectProbe probe) => _probe = probe;

    private protected EmulatedFleet Fleet => _fleet;

    [Fact]
    public async Task APresentDevice_Connects()
    {
        await _fleet[881].JoinAsync();

        (await _probe.CanConnectAsync(_fleet[881].Address, _fleet.Port, Patient, CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task AnAddressThatRefuses_IsNotThere_WithoutWaitingForTheTimeout()
    {
        var device = await AwayAsync(silent: false);
        var clock = Stopwatch.StartNew();

        (await _probe.CanConnectAsync(device.Address, _fleet.Port, Patient, CancellationToken.None)).Should().BeFalse();

        clock.Elapsed.Should().BeLessThan(Patient, "a refusal answers at once");
    }

    [Fact]
    public async Task ASilentAddress_IsNotThere_OnceTheTimeoutHasPassed()
    {
        var device = await AwayAsync(silent: true);
        var timeout = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        (await _probe.CanConnectAsync(device.Address, _fleet.Port, timeout, CancellationToken.None).WaitAsync(Patient)).Should().BeFalse();

        clock.Elapsed.Should().BeGreaterThanOrEqualTo(timeout - TimeSpan.FromMilliseconds(20), "nothing answered: the probe waited out its timeout");
    }

    [Fact]
    public async Task Stopping_DuringASilentConnect_Throws()
    {
        var device = await AwayAsync(silent: true);
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var probing = _probe.CanConnectAsync(device.Address, _fleet.Port, Patient, stopping.Token);

        await probing.Invoking(p => p.WaitAsync(Patient)).Should().ThrowAsync<OperationCanceledException>();
    }

    public virtual async ValueTask DisposeAsync()
    {
        await _fleet.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The device, come and gone: its address now refuses connects, or stays silent.</summary>
    private protected async Task<EmulatedDevice> AwayAsync(bool silent)
    {
        var device = _fleet[881];
        device.SilentWhenAway = silent;
        await device.JoinAsync();
        await device.LeaveAsync();
        return device;
    }
}

/// <summary>The probe on the runtime's sockets (every system but Linux).</summary>
public sealed class TcpConnectProbeTests() : ConnectProbeContract(new TcpConnectProbe());
