using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Tracks;

public class TrackFiguresTests
{
    [Fact]
    public void Summary_ReferenceLogEntry_GivesTheContractWords()
    {
        // The reference logs.json entry and the contract's log line for it.
        TrackFigures.Summary(952928, 21126000, 25224543, 7622)
            .Should().Be("0.9 MiB, 5.9 hours, 25.2 km, 14.8 knots (500m)");
    }

    [Fact]
    public void ToKnots_UsesTheNauticalMile()
    {
        TrackFigures.ToKnots(7622).Should().BeApproximately(14.8160, 0.0001);
        TrackFigures.KnotsToMillimetresPerSecond(1).Should().BeApproximately(514.444, 0.001);
    }
}

public class TrackFiguresAtTheEdgeTests
{
    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(0L)]
    public void Summary_AnyValue_NeverThrows(long value)
    {
        var act = () => TrackFigures.Summary(value, value, value, value);

        act.Should().NotThrow().Which.Should().EndWith("(500m)");
    }
}
