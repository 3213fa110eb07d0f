using MotionServer.Pipeline.Tests.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>
/// The device's figures computed in one streaming pass equal those of <see cref="OaoSummaryCalculator"/> (all frames
/// in memory, oao-format §9, exact against real Motion headers), converted to knots: the reference of every test here.
/// </summary>
public sealed class DeviceFiguresTests
{
    public static TheoryData<int, int> Tracks => new() { { 1, 1 }, { 5, 2 }, { 10, 3 }, { 5, 4 }, { 2, 5 } };

    [Theory]
    [MemberData(nameof(Tracks))]
    public void DeviceFigures_EqualTheInMemorySummary_OnGeneratedSessions(int frequency, int seed)
    {
        var frames = GeneratedSession.Frames(frequency, seed, TimeSpan.FromMinutes(20));

        AssertEqualsSummary(frames, frequency);
    }

    [Fact]
    public void DeviceFigures_EqualTheInMemorySummary_OnRandomSpeeds()
    {
        // The format notes' test frames: speeds jumping at random between 0 and 12 m/s, 5 Hz.
        var frames = OaoTestVectors.Frames(20_000, seed: 7);

        AssertEqualsSummary(frames, 5);
    }

    [Fact]
    public void DeviceFigures_WithoutAHeaderFrequency_InferTheRateFromTheFirstFrames()
    {
        var frames = GeneratedSession.Frames(10, 6, TimeSpan.FromMinutes(10));

        var withHeader = Results.Of(frames, 10);
        var without = Results.Of(frames, -1);
        var zeroInHeader = Results.Of(frames, 0);

        without.Device.Should().Be(withHeader.Device);
        zeroInHeader.Device.Should().Be(withHeader.Device);
        OaoSummaryCalculator.Calculate(frames, 0).Best2s.Should().Be(OaoSummaryCalculator.Calculate(frames, 10).Best2s);
    }

    [Fact]
    public void AHeaderAfterTheFirstFrames_StillSetsTheRate()
    {
        // 4 Hz is not what the spacing of 200 ms says (5 Hz): the header's frequency wins even when it comes late.
        var frames = GeneratedSession.Frames(5, 8, TimeSpan.FromMinutes(5));
        var calculator = new MotionServer.Pipeline.Tracks.Results.TrackResultsCalculator(MotionServer.Pipeline.Tracks.Results.ResultRules.Default);
        for (int i = 0; i < frames.Length; i++)
        {
            if (i == 3)
            {
                calculator.OnHeader(new OaoHeader { FrequencyHz = 4 });
            }

            calculator.OnGnssFrame(frames[i]);
        }

        calculator.Finish().Device.TwoSeconds.Should().Be(Knots(OaoSummaryCalculator.Calculate(frames, 4).Best2s));
    }

    private static void AssertEqualsSummary(OaoGnssFrame[] frames, int frequency)
    {
        var summary = OaoSummaryCalculator.Calculate(frames, frequency);
        var device = Results.Of(frames, frequency).Device;

        summary.Best2s.Should().BeGreaterThan(0);
        device.TwoSeconds.Should().Be(Knots(summary.Best2s));
        device.TenSeconds.Should().Be(Knots(summary.Best10s));
        device.FiveHundredMetres.Should().Be(Knots(summary.Best500m));
        device.NauticalMile.Should().Be(summary.BestsOver1852m.Count == 0 ? null : Knots(summary.BestsOver1852m[0].Value));
        device.DistanceKm.Should().BeApproximately(summary.Distance / 1e6, 1e-6);
    }

    private static double Knots(long millimetresPerSecond) => millimetresPerSecond / (1_852_000.0 / 3600.0);
}
