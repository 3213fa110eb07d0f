using System.Collections.Concurrent;
using System.Net.Http;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Transfers;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class DeviceBandwidthTests
{
    private static readonly DateTimeOffset Start = new(2025, 10, 12, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetTrack_BandwidthLimit_ProgressShowsTheTransferUnderWayAndPaced()
    {
        const int size = 300_000;
        const int rate = 200_000;
        var track = TestTracks.Make(817, Start, size);
        await using var fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(817), [track], rate)]);
        var device = fleet[817];
        await device.JoinAsync();
        var reports = new ConcurrentQueue<BodyProgress>();
        device.BodyProgress += (_, p) => reports.Enqueue(p);
        var done = Signal.Progress(device, p => p.Outcome == TransferOutcome.Completed);
        using var client = EmulatorHttp.Client();

        byte[] body = await client.GetByteArrayAsync(new Uri(device.BaseUri, track.Path));
        var end = await done;

        body.Should().Equal(track.Content.ToArray());
        reports.Should().Contain(p => p.Outcome == TransferOutcome.InProgress && p.BytesSent > 0 && p.BytesSent < size);
        reports.Where(p => p.Outcome == TransferOutcome.InProgress).Select(p => p.BytesSent).Should().BeInAscendingOrder();
        int chunk = rate / 20;
        end.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds((double)(size - chunk) / rate * 0.9));
        device.TrackBytesSent.Should().Be(size);
    }

    [Fact]
    public async Task GetTrack_BandwidthRaisedMidway_Completes()
    {
        var track = TestTracks.Make(817, Start, 200_000);
        await using var fleet = EmulatedFleet.Create([new DeviceSetup(DeviceProfile.Create(817), [track], 20_000)]);
        var device = fleet[817];
        await device.JoinAsync();
        var underway = Signal.Progress(device, p => p.BytesSent > 0);
        using var client = EmulatorHttp.Client();

        var body = client.GetByteArrayAsync(new Uri(device.BaseUri, track.Path));
        await underway;
        device.BandwidthBytesPerSecond = 0;

        (await body.WaitAsync(Signal.Timeout)).Should().Equal(track.Content.ToArray());
    }

    [Fact]
    public async Task BandwidthLimiter_TwoTransfers_ShareTheLink()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var limiter = new BandwidthLimiter(clock) { BytesPerSecond = 1000 };

        var first = limiter.WaitAsync(500, CancellationToken.None);
        var second = limiter.WaitAsync(500, CancellationToken.None);

        first.IsCompleted.Should().BeTrue("the link is free");
        second.IsCompleted.Should().BeFalse("the first chunk holds the link for half a second");
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await second.WaitAsync(Signal.Timeout);
    }
}
