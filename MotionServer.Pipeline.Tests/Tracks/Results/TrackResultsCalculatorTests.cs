using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>
/// Each category against hand-computed synthetic tracks. Reference figures: computed by hand from the definitions in
/// docs/results.md (the expected value is written out in each test), in m/s then converted to knots.
/// </summary>
public sealed class TrackResultsCalculatorTests
{
    private const double Precision = 1e-9;

    [Fact]
    public void Finish_NoFrames_IsNone()
    {
        Results.Of([], 5).Should().Be(TrackResults.None);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public void ConstantSpeed_EveryCategoryIsThatSpeed_AtEachRate(int frequency)
    {
        // 10 m/s due north for 40 minutes: every window's mean is 10 m/s; too short for an hour; straight, so no alpha.
        var track = new SailingTrack(frequency).Sail(2400, 10, 0);

        var results = Results.Of(track);

        foreach (var figures in new[] { results.Device, results.Figures })
        {
            figures.TwoSeconds.Should().BeApproximately(Results.Knots(10), Precision);
            figures.TenSeconds.Should().BeApproximately(Results.Knots(10), Precision);
            figures.FiveHundredMetres.Should().BeApproximately(Results.Knots(10), Precision);
            figures.NauticalMile.Should().BeApproximately(Results.Knots(10), Precision);
            figures.ThirtyMinutes.Should().BeApproximately(Results.Knots(10), Precision);
            figures.OneHour.Should().BeNull("40 minutes is shorter than an hour");
            figures.Alpha500.Should().BeNull("a straight line never comes back");
            figures.FiveByTenSeconds.Should().BeNull("one run is not five");

            // The first frame has no spacing before it: (n − 1) spacings of 10 m/s.
            long milliseconds = (track.Count - 1L) * (1000 / frequency);
            figures.DistanceKm.Should().BeApproximately(milliseconds * 10 / 1e6, 1e-9);
            figures.TimeOnWater.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
        }

        results.IsSuspect.Should().BeFalse();
    }

    [Fact]
    public void TwoAndTenSeconds_AreTheBestMeans()
    {
        // 1 Hz: frames 3 and 4 at 12 and 14 m/s among 5 m/s. 2 s = (12 + 14) / 2 = 13 m/s;
        // 10 s = (8 × 5 + 12 + 14) / 10 = 6.6 m/s.
        double[] speeds = [5, 5, 5, 12, 14, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
        var track = new SailingTrack(1).Speeds(0, speeds);

        var results = Results.Of(track);

        results.Device.TwoSeconds.Should().BeApproximately(Results.Knots(13), Precision);
        results.Figures.TwoSeconds.Should().BeApproximately(Results.Knots(13), Precision);
        results.Device.TenSeconds.Should().BeApproximately(Results.Knots(6.6), Precision);
        results.Figures.TenSeconds.Should().BeApproximately(Results.Knots(6.6), Precision);
    }

    [Fact]
    public void DeviceTwoSeconds_IsTruncatedToWholeMillimetresPerSecond_FilteredIsNot()
    {
        // 1 Hz, best pair 10.000 and 10.001 m/s: the device's mean 10,000.5 mm/s is truncated to 10,000.
        var track = new SailingTrack(1).Speeds(0, 1, 10, 10.001, 1);

        var results = Results.Of(track);

        results.Device.TwoSeconds.Should().BeApproximately(Results.Knots(10), Precision);
        results.Figures.TwoSeconds.Should().BeApproximately(Results.Knots(10.0005), Precision);
    }

    [Fact]
    public void ATrackShorterThanTheWindow_HasNoFigure()
    {
        // 5 Hz, 9 frames: 1.6 s from the first to the last, 8 frames of travel at 10 m/s = 16 m.
        var track = new SailingTrack(5).Sail(1.8, 10, 0);

        var results = Results.Of(track);

        track.Count.Should().Be(9);
        foreach (var figures in new[] { results.Device, results.Figures })
        {
            figures.TwoSeconds.Should().BeNull();
            figures.TenSeconds.Should().BeNull();
            figures.FiveHundredMetres.Should().BeNull();
            figures.NauticalMile.Should().BeNull();
            figures.ThirtyMinutes.Should().BeNull();
            figures.Alpha500.Should().BeNull();
            figures.DistanceKm.Should().BeApproximately(0.016, 1e-9);
        }
    }

    [Fact]
    public void AGapInTheBestWindow_IsSpannedByTheDevice_NotByTheRules()
    {
        // 1 Hz: 10 frames at 5 m/s, 6 at 15, a 10 s pause, 6 at 15, 10 at 5.
        // Device: 10 consecutive frames among the 12 fast ones: 15 m/s.
        // Rules: no window across the gap. Before it, 6 fast + 4 slow: (6 × 15 + 4 × 5) / 10 = 11 m/s. After it the
        // first frame only starts the segment (nothing before it counts): 5 fast + 5 slow = 10 m/s. Best 11 m/s.
        var track = new SailingTrack(1).Sail(10, 5, 0).Sail(6, 15, 0).Pause(10).Sail(6, 15, 0).Sail(10, 5, 0);

        var results = Results.Of(track);

        results.Device.TenSeconds.Should().BeApproximately(Results.Knots(15), Precision);
        results.Figures.TenSeconds.Should().BeApproximately(Results.Knots(11), Precision);
        results.Device.TimeOnWater.Should().Be(TimeSpan.FromSeconds(15 + 15), "the 11 s spacing across the pause is a gap");
        results.Reasons.Should().ContainSingle(reason => reason.Category == "10s")
            .Which.Text.Should().Be("10 s 29.2 kn at 10:00:29 holds no frame the rules set aside, but crosses a gap or the frames next to one; by the rules 10 s is 21.4 kn");
    }

    [Fact]
    public void FiveHundredMetresAndNauticalMile_AreTheBestOverAtLeastThatDistance()
    {
        // 1 Hz: 100 s at 10 m/s, then 60 s at 20 m/s, then 100 s at 10 m/s. 500 m: 25 frames at 20 m/s = 20 m/s.
        // Nautical mile: the best window of at least 1,852 m is the 60 fast frames (1,200 m) with 652 m at 10 m/s
        // (65.2 s, the last frame's share cut at the frame): 66 slow frames give 1,860 m in 126 s = 14.762 m/s,
        // unless fewer frames suffice: 65 slow frames give 1,850 m < 1,852 m, so 66 it is.
        var track = new SailingTrack(1).Sail(100, 10, 0).Sail(60, 20, 0).Sail(100, 10, 0);

        var results = Results.Of(track);

        results.Figures.FiveHundredMetres.Should().BeApproximately(Results.Knots(20), Precision);
        results.Device.FiveHundredMetres.Should().BeApproximately(Results.Knots(20), Precision);
        results.Figures.NauticalMile.Should().BeApproximately(Results.Knots(1860.0 / 126), Precision);
        results.Device.NauticalMile.Should().BeApproximately(Results.Knots(14.761), Precision, "the device truncates 14,761.9 mm/s");
    }

    [Fact]
    public void ThirtyMinutesAndOneHour_AreTheBestMeansOverThatTime()
    {
        // 1 Hz: 10 minutes at 5 m/s, then an hour at 10 m/s (3,600 frames): the last hour's frames are all fast.
        // 30 min: the same. An hour and ten minutes in all: the 1 h window of the first 3,600 s holds 600 slow and 3,000 fast.
        var track = new SailingTrack(1).Sail(600, 5, 0).Sail(3600, 10, 0);

        var results = Results.Of(track);

        results.Figures.OneHour.Should().BeApproximately(Results.Knots(10), Precision);
        results.Figures.ThirtyMinutes.Should().BeApproximately(Results.Knots(10), Precision);
        results.Device.OneHour.Should().BeApproximately(Results.Knots(10), Precision);
    }

    [Fact]
    public void OneHour_OfASlowerHour_IsItsMean()
    {
        // 1 Hz: 3,600 frames at 5 m/s then 600 at 10 m/s: the best hour is the last 3,600 frames,
        // 3,000 × 5 + 600 × 10 = 21,000 m in 3,600 s = 5.8333 m/s.
        var track = new SailingTrack(1).Sail(3600, 5, 0).Sail(600, 10, 0);

        Results.Of(track).Figures.OneHour.Should().BeApproximately(Results.Knots(21_000.0 / 3600), Precision);
    }
}
