using System.Net.Http;
using System.Net.Sockets;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Transfers;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class DevicePresenceTests : IAsyncLifetime
{
    private EmulatedFleet _fleet = null!;
    private EmulatedDevice _device = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        var track = TestTracks.Make(817, new DateTimeOffset(2025, 10, 12, 10, 0, 0, TimeSpan.Zero), 400_000);
        _fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(817), [track])]);
        _device = _fleet[817];
        _client = EmulatorHttp.Client();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fleet.DisposeAsync();
    }

    private static async Task<SocketError?> ConnectAsync(EmulatedDevice device)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(device.Address, device.Port).WaitAsync(Signal.Timeout);
            return null;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
    }

    [Fact]
    public async Task Connect_BeforeFirstJoin_IsRefused()
    {
        _device.IsOnline.Should().BeFalse();

        (await ConnectAsync(_device)).Should().Be(SocketError.ConnectionRefused);
    }

    [Fact]
    public async Task Leave_OnlineDevice_RefusesConnections()
    {
        await _device.JoinAsync();
        (await _client.GetByteArrayAsync(new Uri(_device.BaseUri, "/info.json"))).Should().NotBeEmpty();

        await _device.LeaveAsync();
        var info = async () => await EmulatorHttp.Client().GetByteArrayAsync(new Uri(_device.BaseUri, "/info.json"));

        _device.IsOnline.Should().BeFalse();
        (await ConnectAsync(_device)).Should().Be(SocketError.ConnectionRefused);
        (await info.Should().ThrowAsync<HttpRequestException>()).Which.HttpRequestError.Should().Be(HttpRequestError.ConnectionError);
    }

    [Fact]
    public async Task JoinAndLeave_ThreeTimes_AnswersOnlyWhilePresent()
    {
        for (int round = 0; round < 3; round++)
        {
            await _device.JoinAsync();
            using (var client = EmulatorHttp.Client())
            {
                var motion = (await client.GetJsonAsync(_device.BaseUri, "/info.json")).GetProperty("motion");
                motion.GetProperty("identifier").GetInt32().Should().Be(817);
            }

            await _device.LeaveAsync();
            (await ConnectAsync(_device)).Should().Be(SocketError.ConnectionRefused, "round {0}", round);
        }
    }

    [Fact]
    public async Task Join_Twice_StaysPresent()
    {
        await _device.JoinAsync();
        await _device.JoinAsync();

        _device.IsOnline.Should().BeTrue();
        (await ConnectAsync(_device)).Should().BeNull();
    }

    [Fact]
    public async Task Leave_DuringTransfer_CutsIt()
    {
        _device.BandwidthBytesPerSecond = 100_000;
        await _device.JoinAsync();
        var started = Signal.Progress(_device, p => p.BytesSent > 0);
        var cut = Signal.Progress(_device, p => p.Outcome != TransferOutcome.InProgress);

        using var response = await _client.GetAsync(new Uri(_device.BaseUri, _device.Tracks[0].Path), HttpCompletionOption.ResponseHeadersRead);
        var body = BodyRead.ReadAsync(response);
        await started;
        await _device.LeaveAsync();

        var read = await body.WaitAsync(Signal.Timeout);
        read.Error.Should().NotBeNull();
        read.Bytes.Length.Should().BeLessThan(400_000);
        (await cut).Outcome.Should().Be(TransferOutcome.Cut);
    }

    [Fact]
    public async Task Leave_DuringStall_CutsItAtOnce()
    {
        await _device.JoinAsync();
        _device.Faults.Add(MotionServer.Emulator.Faults.DeviceFault.StallAfter(10));
        var stalled = Signal.Progress(_device, p => p.Outcome == TransferOutcome.Stalled);

        using var response = await _client.GetAsync(new Uri(_device.BaseUri, _device.Tracks[0].Path), HttpCompletionOption.ResponseHeadersRead);
        var body = BodyRead.ReadAsync(response);
        await stalled;
        await _device.LeaveAsync();

        (await body.WaitAsync(Signal.Timeout)).Error.Should().NotBeNull();
    }
}
