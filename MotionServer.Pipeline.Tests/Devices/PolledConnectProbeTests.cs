using System.Net;
using System.Net.Sockets;
using MotionServer.Pipeline.Devices;

namespace MotionServer.Pipeline.Tests.Devices;

/// <summary>
/// The polled probe (Linux): the contract every probe keeps, then what is its own: many connects at once each with its
/// own answer, continuations on its thread, nothing left open, and its end.
/// </summary>
public sealed class PolledConnectProbeTests : ConnectProbeContract
{
    private readonly PolledConnectProbe? _polled;

    public PolledConnectProbeTests()
        : this(PolledConnectProbe.TryCreate())
    {
    }

    private PolledConnectProbeTests(PolledConnectProbe? polled)
        : base(polled ?? (IConnectProbe)new TcpConnectProbe()) // elsewhere than Linux the contract runs on the other probe
    {
        _polled = polled;
    }

    [Fact]
    public void OnLinux_ThePolledProbeIsAvailable()
    {
        (_polled is not null).Should().Be(OperatingSystem.IsLinux(), "the server probes this way on Linux");
    }

    [Fact]
    public async Task ManyConnectsAtOnce_EachGetsItsOwnAnswer_AndNoneIsLeftOpen()
    {
        if (_polled is null)
        {
            return;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(backlog: 128);
        int open = ((IPEndPoint)listener.LocalEndpoint).Port;
        int refusing = FreePort();

        var probes = Enumerable.Range(0, 120) // 80 present: under the smallest accept queue a kernel gives (128)
            .Select(i => (Present: i % 3 != 0, Probe: _polled.CanConnectAsync(IPAddress.Loopback, i % 3 != 0 ? open : refusing, Patient, CancellationToken.None)))
            .ToList();
        await Task.WhenAll(probes.Select(p => p.Probe)).WaitAsync(Patient);

        probes.Select(p => p.Probe.Result).Should().Equal(probes.Select(p => p.Present));
        _polled.Pending.Should().Be(0, "every connect ended and was closed");
    }

    [Fact]
    public async Task AProbesContinuation_RunsOnTheProbeThread()
    {
        if (_polled is null)
        {
            return;
        }

        var device = await AwayAsync(silent: true); // a connect that cannot end at once: it is polled
        string? thread = null;

        await _polled.CanConnectAsync(device.Address, Fleet.Port, TimeSpan.FromMilliseconds(50), CancellationToken.None)
            .ContinueWith(_ => thread = Thread.CurrentThread.Name, TaskContinuationOptions.ExecuteSynchronously)
            .WaitAsync(Patient);

        thread.Should().Be(PolledConnectProbe.ThreadName, "no hop to the thread pool per probe");
    }

    [Fact]
    public async Task Disposing_EndsTheConnectsInProgressAsCancelled_AndRefusesNewOnes()
    {
        if (_polled is null)
        {
            return;
        }

        var device = await AwayAsync(silent: true);
        var probing = _polled.CanConnectAsync(device.Address, Fleet.Port, Patient, CancellationToken.None);

        _polled.Dispose();

        await probing.Invoking(p => p.WaitAsync(Patient)).Should().ThrowAsync<OperationCanceledException>();
        await _polled.Invoking(p => p.CanConnectAsync(device.Address, Fleet.Port, Patient, CancellationToken.None))
            .Should().ThrowAsync<ObjectDisposedException>();
    }

    public override async ValueTask DisposeAsync()
    {
        _polled?.Dispose();
        await base.DisposeAsync();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port; // closed when disposed: connects to it are refused
    }
}
