using System.Net.Http;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Transfers;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class DeviceBodyFaultTests : FaultTestsBase
{
    [Fact]
    public async Task AbortAfter_TrackRequest_DropsConnectionAfterKBytes()
    {
        Device.Faults.Add(DeviceFault.AbortAfter(10_000));
        var ended = Signal.Progress(Device, p => p.Outcome != TransferOutcome.InProgress);

        using var response = await Client.GetAsync(Url(Track.Path), HttpCompletionOption.ResponseHeadersRead);
        var read = await BodyRead.ReadAsync(response);

        response.Content.Headers.ContentLength.Should().Be(Size);
        read.Error.Should().NotBeNull();
        read.Bytes.Length.Should().BeInRange(1, 10_000);
        read.Bytes.Should().Equal(Track.Content[..read.Bytes.Length].ToArray());
        var end = await ended;
        end.Outcome.Should().Be(TransferOutcome.Aborted);
        end.BytesSent.Should().Be(10_000);
    }

    [Fact]
    public async Task AbortAfter_OnePathOnly_LeavesOtherTracksWhole()
    {
        Device.Faults.Add(DeviceFault.AbortAfter(10).On(Track.Path));

        byte[] other = await Client.GetByteArrayAsync(Url(Other.Path));
        var broken = async () => await Client.GetByteArrayAsync(Url(Track.Path));

        other.Should().Equal(Other.Content.ToArray());
        await broken.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task StallAfter_TrackRequest_SendsKBytesThenHangsUntilTheClientGivesUp()
    {
        Device.Faults.Add(DeviceFault.StallAfter(5_000));
        var stalled = Signal.Progress(Device, p => p.Outcome == TransferOutcome.Stalled);
        var served = Signal.Served(Device, r => r.Path == Track.Path);

        using (var response = await Client.GetAsync(Url(Track.Path), HttpCompletionOption.ResponseHeadersRead))
        {
            await using var stream = await response.Content.ReadAsStreamAsync();
            byte[] first = await BodyRead.ReadExactlyAsync(stream, 5_000);
            (await stalled).BytesSent.Should().Be(5_000);
            var more = async () => await stream.ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromMilliseconds(300));

            first.Should().Equal(Track.Content[..5_000].ToArray());
            await more.Should().ThrowAsync<TimeoutException>("the device sends nothing more");
        }

        var request = await served;
        request.Outcome.Should().Be(TransferOutcome.Stalled);
        request.BytesSent.Should().Be(5_000);
    }

    [Fact]
    public async Task ExtraBytes_Track_SendsMoreThanLogsJsonAnnounced()
    {
        Device.Faults.Add(DeviceFault.ExtraBytes(7));

        var logs = (await Client.GetJsonAsync(Device.BaseUri, DeviceRoutes.Logs)).GetProperty("logs");
        using var response = await Client.GetAsync(Url(Track.Path));
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        logs[0].GetProperty("size").GetInt64().Should().Be(Size);
        response.Content.Headers.ContentLength.Should().Be(Size + 7);
        body.Should().HaveCount(Size + 7);
        body[..Size].Should().Equal(Track.Content.ToArray());
    }

    [Fact]
    public async Task MissingBytes_Track_SendsLessThanLogsJsonAnnounced()
    {
        Device.Faults.Add(DeviceFault.MissingBytes(7));

        using var response = await Client.GetAsync(Url(Track.Path));
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        response.Content.Headers.ContentLength.Should().Be(Size - 7);
        body.Should().Equal(Track.Content[..(Size - 7)].ToArray());
    }

    [Fact]
    public async Task Trickle_FakeClock_SendsOneBytePerInterval()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var track = TestTracks.Make(900, Start, 8);
        await using var fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(900), [track])],
            new FleetOptions { TransferTimeProvider = clock });
        var device = fleet[900];
        await device.JoinAsync();
        device.Faults.Add(DeviceFault.Trickle(TimeSpan.FromSeconds(3), afterBytes: 4));
        var fast = Signal.Progress(device, p => p.BytesSent == 4);

        using var response = await Client.GetAsync(new Uri(device.BaseUri, track.Path), HttpCompletionOption.ResponseHeadersRead);
        var body = BodyRead.ReadAsync(response);
        await fast;
        for (int sent = 5; sent <= 8; sent++)
        {
            var next = Signal.Progress(device, p => p.BytesSent == sent);
            clock.Advance(TimeSpan.FromSeconds(3));
            (await next).Elapsed.Should().Be(TimeSpan.FromSeconds(3 * (sent - 4)));
        }

        (await body).Bytes.Should().Equal(track.Content.ToArray());
    }

    [Fact]
    public async Task DelayAndAbort_Combined_BothApply()
    {
        Device.Faults.Add(DeviceFault.Delay(TimeSpan.FromMilliseconds(200)));
        Device.Faults.Add(DeviceFault.AbortAfter(100));
        long started = TimeProvider.System.GetTimestamp();

        var read = await BodyRead.GetAsync(Client, Url(Track.Path)); // the reset 100 bytes in may overtake the headers

        TimeProvider.System.GetElapsedTime(started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(180));
        read.Error.Should().NotBeNull();
        read.Bytes.Length.Should().BeLessThanOrEqualTo(100);
    }
}
