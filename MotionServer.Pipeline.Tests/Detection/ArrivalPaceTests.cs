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
    public void AfterAnArrival_AMissWaitsOneArrivalInterval_UntilTheWindowEnds()
    {
        var pace = Pace(window: 3);

        pace.Arrived(S(10)).Should().Be(S(11), "absent devices due later are brought forward to one arrival interval away");

        pace.WaitAfterMiss(S(10)).Should().Be(S(1));
        pace.WaitAfterMiss(S(12.9)).Should().Be(S(1));
        pace.WaitAfterMiss(S(13)).Should().Be(S(5));
    }

    [Fact]
    public void AnotherArrival_ExtendsTheWindow()
    {
        var pace = Pace(window: 3);
        pace.Arrived(S(10));
        pace.Arrived(S(12));

        pace.WaitAfterMiss(S(14)).Should().Be(S(1));
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
