namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>Alpha 500 and 5×10 s against hand-built tracks; expected figures computed by hand in each test.</summary>
public sealed class AlphaAndRunsTests
{
    private const double Precision = 1e-9;

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public void AnOutAndBackRun_IsAnAlpha(int frequency)
    {
        // 10 m/s: 200 m north, a U-turn of 30 m (lateral offset 19 m), 200 m south, then on: 430 m back to within 19 m
        // of the start. Every frame is at 10 m/s, so the alpha is 10 m/s.
        var track = new SailingTrack(frequency).Sail(20, 10, 0).Leg(3, 10, 10, 0, 180).Sail(40, 10, 180);

        var results = Results.Of(track);

        results.Figures.Alpha500.Should().BeApproximately(Results.Knots(10), Precision);
        results.Device.Alpha500.Should().BeApproximately(Results.Knots(10), Precision);
    }

    [Fact]
    public void AnAlpha_IsTheFastestStartThatComesBack()
    {
        // 1 Hz: 150 m north at 5 m/s (30 frames), 150 m at 10 m/s, a U-turn, 300 m south at 10 m/s. An alpha that
        // starts on the slow part is slower (from 100 m north: 50 m at 5 m/s and 380 m at 10 m/s, 430 m in 48 s, 8.96
        // m/s); those starting on the fast part (150 to 190 m north, 250 to 330 m long) hold only 10 m/s frames.
        var track = new SailingTrack(1).Sail(30, 5, 0).Sail(15, 10, 0).Leg(3, 10, 10, 0, 180).Sail(30, 10, 180);

        Results.Of(track).Figures.Alpha500.Should().BeApproximately(Results.Knots(10), Precision);
    }

    [Fact]
    public void ARunThatDoesNotComeBack_IsNoAlpha()
    {
        // 200 m north, a right-angle turn, 300 m east: never back within 50 m of an earlier point 250-500 m behind.
        var track = new SailingTrack(5).Sail(20, 10, 0).Leg(2, 10, 10, 0, 90).Sail(30, 10, 90);

        var results = Results.Of(track);

        results.Figures.Alpha500.Should().BeNull();
        results.Device.Alpha500.Should().BeNull();
    }

    [Fact]
    public void AWideTurn_ThatReturnsMoreThan50mAway_IsNoAlpha()
    {
        // A U-turn of 126 m at 10 m/s: a half circle of radius 40 m, so the way back runs 80 m beside the way out.
        var track = new SailingTrack(5).Sail(15, 10, 0).Leg(12.6, 10, 10, 0, 180).Sail(30, 10, 180);

        Results.Of(track).Figures.Alpha500.Should().BeNull();
    }

    [Fact]
    public void FiveByTen_IsTheMeanOfTheBestTenSecondsOfTheFiveFastestRuns()
    {
        // 5 Hz: six runs of 60 s at 10, 11, 12, 13, 14 and 9 m/s, each ended by a gybe (slow down to 5 m/s in 3 s,
        // turn 180° in 4 s, speed up in 3 s). The five fastest: (14 + 13 + 12 + 11 + 10) / 5 = 12 m/s.
        var track = Runs(5, [10, 11, 12, 13, 14, 9]);

        var results = Results.Of(track);

        results.Figures.FiveByTenSeconds.Should().BeApproximately(Results.Knots(12), Precision);
        results.Device.FiveByTenSeconds.Should().BeApproximately(Results.Knots(12), Precision);
        results.Figures.TenSeconds.Should().BeApproximately(Results.Knots(14), Precision);
        results.IsSuspect.Should().BeFalse();
    }

    [Fact]
    public void FiveByTen_TakesOneWindowPerRun()
    {
        // One fast run (14 m/s, long enough for six 10 s windows) and five at 10 m/s: one window of the fast run
        // counts, (14 + 4 × 10) / 5 = 10.8 m/s; five windows of the fast run alone would give 14.
        var track = Runs(5, [14, 10, 10, 10, 10, 10]);

        Results.Of(track).Figures.FiveByTenSeconds.Should().BeApproximately(Results.Knots(10.8), Precision);
    }

    [Fact]
    public void FiveByTen_OfFourRuns_HasNoFigure()
    {
        Results.Of(Runs(10, [10, 11, 12, 13])).Figures.FiveByTenSeconds.Should().BeNull();
    }

    [Fact]
    public void FiveByTen_AStopStartsANewRun()
    {
        // 1 Hz, one course: five stretches at 10 to 14 m/s, each followed by a stop (0.5 m/s) and a restart.
        var track = new SailingTrack(1);
        foreach (double speed in new double[] { 10, 11, 12, 13, 14 })
        {
            track.Leg(5, 0.5, speed, 0, 0).Sail(30, speed, 0).Leg(5, speed, 0.5, 0, 0);
        }

        Results.Of(track).Figures.FiveByTenSeconds.Should().BeApproximately(Results.Knots(12), Precision);
    }

    internal static SailingTrack Runs(int frequency, double[] speeds)
    {
        var track = new SailingTrack(frequency);
        double heading = 0;
        foreach (double speed in speeds)
        {
            track.Leg(3, 5, speed, heading, heading).Sail(60, speed, heading).Leg(3, speed, 5, heading, heading);
            track.Leg(4, 5, 5, heading, heading + 180);
            heading += 180;
        }

        return track;
    }
}
