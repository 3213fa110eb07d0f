using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Download;

namespace MotionServer.Pipeline.Tests.Download;

public class TransferRateGuardTests
{
    [Fact]
    public void Observe_TrickleBelowTheMinimumOverAWindow_IsReported()
    {
        var time = new FakeTimeProvider();
        var guard = new TransferRateGuard(time, TimeSpan.FromSeconds(30), minBytesPerSecond: 1024);

        time.Advance(TimeSpan.FromSeconds(29));
        guard.Observe(100).Should().BeNull("a window has not passed yet");
        time.Advance(TimeSpan.FromSeconds(2));

        guard.Observe(200).Should().BeApproximately(200 / 31.0, 0.01);
    }

    [Fact]
    public void Observe_FastTransfer_IsNeverReported_AndEachWindowStartsAfresh()
    {
        var time = new FakeTimeProvider();
        var guard = new TransferRateGuard(time, TimeSpan.FromSeconds(10), minBytesPerSecond: 1024);
        long total = 0;

        for (int second = 0; second < 60; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            total += 2048;
            guard.Observe(total).Should().BeNull();
        }

        // A fast first minute does not excuse a stall later: the next window is judged on its own.
        time.Advance(TimeSpan.FromSeconds(11));
        guard.Observe(total + 10).Should().NotBeNull();
    }

    [Fact]
    public void Observe_MinimumZero_DisablesTheCheck()
    {
        var time = new FakeTimeProvider();
        var guard = new TransferRateGuard(time, TimeSpan.FromSeconds(1), minBytesPerSecond: 0);
        time.Advance(TimeSpan.FromHours(1));

        guard.Observe(1).Should().BeNull();
    }
}
