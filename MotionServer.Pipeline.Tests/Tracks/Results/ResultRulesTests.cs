using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

public sealed class ResultRulesTests
{
    [Fact]
    public void From_TheDefaults_GivesTheRulesInTheFramesUnits()
    {
        var rules = ResultRules.From(new ResultsOptions());

        rules.Should().Be(new ResultRules(
            MinimumFix: 3,
            MinimumSatellites: 5,
            MaximumDop: 500,
            MaximumSpeedAccuracy: 2058,
            MaximumAcceleration: 10_000,
            MaximumGap: 2000,
            DistanceMinimumSpeed: 2572,
            SuspectThresholdKnots: 1,
            MaximumPlausibleKnots: 70));
        ResultRules.Default.Should().Be(rules);
    }
}
