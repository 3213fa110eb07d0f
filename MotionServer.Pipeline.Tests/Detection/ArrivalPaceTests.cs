using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Detection;

namespace MotionServer.Pipeline.Tests.Detection;

public sealed class ArrivalPaceTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static ArrivalPace Pace(double arrivalInterval = 1, double window = 60) => new(new DetectionOptions
    {
        Interval = S(5), ArrivalInterval = S(arrivalInterval), ArrivalWindow = S(window),
    });

    [Fact]
    public void WithoutAnArrival_AMissWaitsOneInterval() => Pace().WaitAfterMiss(S(3)).Should().Be(S(5));

    [Fact]
    public void AfterAnArrival_AMissWaitsOneArrivalInterval_WhileTheArrivalIsRecent()
    {
        var pace = Pace();

        pace.Arrived(S(10)).Should().Be(S(11), "absent devices due later are brought forward to one arrival interval away");

        pace.WaitAfterMiss(S(10)).Should().Be(S(1));
        pace.WaitAfterMiss(S(22)).Should().Be(S(1), "12 s after the arrival is a fifth of the window, and a fifth of the interval is 1 s");
        pace.WaitAfterMiss(S(9)).Should().Be(S(1), "a look that started before the arrival was heard waits the shortest");
    }

    [Theory]
    [InlineData(34, 2)]
    [InlineData(46, 3)]
    [InlineData(58, 4)]
    [InlineData(69.4, 4.95)]
    public void AsTheBeachStaysQuiet_TheWaitGrowsTowardsTheInterval(double missAt, double wait)
    {
        var pace = Pace();
        pace.Arrived(S(10));

        pace.WaitAfterMiss(S(missAt)).Should().BeCloseTo(S(wait), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void OnceTheWindowHasPassed_AMissWaitsOneInterval()
    {
        var pace = Pace();
        pace.Arrived(S(10));

        pace.WaitAfterMiss(S(70)).Should().Be(S(5));
        pace.WaitAfterMiss(S(500)).Should().Be(S(5));
    }

    [Fact]
    public void AnotherArrival_StartsThePaceAgainFromItsShortest()
    {
        var pace = Pace();
        pace.Arrived(S(10));
        pace.WaitAfterMiss(S(58)).Should().BeCloseTo(S(4), TimeSpan.FromMilliseconds(1));

        pace.Arrived(S(58));

        pace.WaitAfterMiss(S(59)).Should().Be(S(1));
        pace.WaitAfterMiss(S(117)).Should().BeCloseTo(S(5) * (59.0 / 60), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void AnArrivalHeardOutOfOrder_DoesNotTakeThePaceBack()
    {
        var pace = Pace();
        pace.Arrived(S(40));
        pace.Arrived(S(10));

        pace.WaitAfterMiss(S(46)).Should().Be(S(1), "measured from the later arrival, 6 s ago");
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(1, 0)]
    [InlineData(5, 60)]
    [InlineData(6, 60)]
    public void ThePaceOff_AnArrivalChangesNothing(double arrivalInterval, double window)
    {
        var pace = Pace(arrivalInterval, window);

        pace.Arrived(S(10)).Should().BeNull();
        pace.WaitAfterMiss(S(10)).Should().Be(S(5));
    }
}
