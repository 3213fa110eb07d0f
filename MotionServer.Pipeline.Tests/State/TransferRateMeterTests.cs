using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Tests.State;

public sealed class TransferRateMeterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Observe_BeforeOneSecond_Unknown()
    {
        var meter = new TransferRateMeter(_time);
        _time.Advance(TimeSpan.FromMilliseconds(900));

        meter.Observe(500_000).Should().BeNull();
        TransferRateMeter.Remaining(1_000_000, meter.BytesPerSecond).Should().BeNull();
    }

    [Fact]
    public void Observe_SteadyPace_GivesThatRateAndTheTimeLeft()
    {
        var meter = new TransferRateMeter(_time);
        for (int second = 1; second <= 10; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            meter.Observe(second * 600_000L);
        }

        meter.BytesPerSecond.Should().BeApproximately(600_000, 1);
        TransferRateMeter.Remaining(3_000_000, meter.BytesPerSecond).Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Observe_PaceHalves_EstimateMovesTowardsItSmoothly()
    {
        var meter = new TransferRateMeter(_time);
        long total = 0;
        for (int i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            meter.Observe(total += 600_000);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        double afterOne = meter.Observe(total += 300_000)!.Value;
        for (int i = 0; i < 30; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            meter.Observe(total += 300_000);
        }

        afterOne.Should().BeInRange(300_000, 600_000).And.BeGreaterThan(500_000, "one slow second moves the estimate, it does not replace it");
        meter.BytesPerSecond.Should().BeApproximately(300_000, 1_000, "after several time constants the new pace is the estimate");
    }

    [Fact]
    public void Observe_ManyReadsWithinASecond_OneSample()
    {
        var meter = new TransferRateMeter(_time);
        _time.Advance(TimeSpan.FromSeconds(1));
        meter.Observe(1_000_000);
        _time.Advance(TimeSpan.FromMilliseconds(10));

        meter.Observe(5_000_000).Should().Be(1_000_000, "a burst within the sample interval waits for the next sample");
    }

    [Fact]
    public void Remaining_ZeroRate_Unknown()
    {
        TransferRateMeter.Remaining(1000, 0).Should().BeNull();
        TransferRateMeter.Remaining(0, 1000).Should().Be(TimeSpan.Zero);
    }
}
