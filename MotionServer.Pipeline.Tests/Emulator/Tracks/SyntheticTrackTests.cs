using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Emulator.Tracks;

public sealed class SyntheticTrackTests
{
    private static readonly DateTimeOffset Start = new(2025, 10, 12, 11, 2, 9, TimeSpan.Zero);
    private static readonly OaoReaderOptions Strict = new()
    {
        ChecksumPolicy = OaoChecksumPolicy.Reject,
        UnknownModePolicy = OaoUnknownModePolicy.Reject,
    };

    [Theory]
    [InlineData(1, 60, 12.0, 1)]
    [InlineData(2, 20, 25.0, 2)]
    [InlineData(5, 60, 20.0, 3)]
    [InlineData(10, 30, 35.0, 4)]
    [InlineData(5, 5, 0.0, 5)]
    public void Generate_ParsedAndRecomputed_AgreesWithTheHeaderExactly(int frequency, int minutes, double knots, int seed)
    {
        var spec = new SyntheticTrackSpec(817, "ABC817", Start, TimeSpan.FromMinutes(minutes), FrequencyHz: frequency, MaxSpeedKnots: knots, Seed: seed);

        var track = SyntheticTrack.Generate(spec);
        var read = OaoReader.Read(track.Content, Strict);
        var summary = OaoSummaryCalculator.Calculate(read);
        var header = read.Header!;

        read.Anomalies.Should().BeEmpty();
        summary.ApplyTo(header).Should().Be(header, "recomputing the summary must give the header back");
        header.StartDate.Should().Be(track.StartDate);
        header.EndDate.Should().Be(track.EndDate);
        header.Duration.Should().Be(track.Duration);
        ((long)header.Distance).Should().Be(track.Distance);
        OaoHeader.BestOf(header.BestsOver2s).Should().Be(track.Best2s);
        OaoHeader.BestOf(header.BestsOver10s).Should().Be(track.Best10s);
        OaoHeader.BestOf(header.BestsOver500m).Should().Be(track.Best500m);
        summary.Distance.Should().Be(track.Distance);
        summary.Best2s.Should().Be(track.Best2s);
        summary.Best10s.Should().Be(track.Best10s);
        summary.Best500m.Should().Be(track.Best500m);
    }

    [Fact]
    public void Generate_Spec_FillsTheHeaderIdentity()
    {
        var spec = new SyntheticTrackSpec(817, "ABC817", Start, TimeSpan.FromMinutes(1), Firmware: 3118, TimezoneMinutes: -90, OneLogPerDay: true);

        var header = OaoReader.Read(SyntheticTrack.Generate(spec).Content).Header!;

        header.Identifier.Should().Be(817);
        header.Nickname.Should().Be("ABC817");
        header.Firmware.Should().Be(3118);
        header.TimezoneMinutes.Should().Be(-90);
        header.OneLogPerDay.Should().BeTrue();
        header.FrequencyHz.Should().Be(5);
    }

    [Fact]
    public void Generate_OneHourAt5Hz_Has18000FramesOneSamplePeriodAfterTheStart()
    {
        var spec = new SyntheticTrackSpec(470, "K888", Start, TimeSpan.FromHours(1));

        var track = SyntheticTrack.Generate(spec);
        var read = OaoReader.Read(track.Content, Strict);

        track.Content.Should().HaveCount(512 + (18_000 * 52));
        track.Size.Should().Be(936_512);
        track.StartDate.Should().Be(Start.ToUnixTimeMilliseconds());
        track.Duration.Should().Be(3_600_000);
        read.Frames.Should().HaveCount(18_000);
        read.Frames[0].Utc.Should().Be(track.StartDate + 200);
        read.Frames[^1].Utc.Should().Be(track.EndDate);
        read.Frames.Zip(read.Frames.Skip(1)).Should().OnlyContain(pair => pair.Second.Utc - pair.First.Utc == 200);
    }

    [Fact]
    public void Generate_At5Hz_MarksOneFrameInFiveAligned()
    {
        var track = SyntheticTrack.Generate(new SyntheticTrackSpec(1, "x", Start, TimeSpan.FromSeconds(20)));

        var modes = Enumerable.Range(0, 100).Select(i => OaoFrame.ReadMode(track.Content.AsSpan(512 + (i * 52)))).ToArray();

        modes.Count(mode => mode == 0x0AD4).Should().Be(20);
        modes.Where((_, i) => i % 5 == 4).Should().OnlyContain(mode => mode == 0x0AD4);
    }

    [Fact]
    public void Generate_SameSpec_GivesTheSameBytes()
    {
        var spec = new SyntheticTrackSpec(817, "ABC817", Start, TimeSpan.FromMinutes(10), Seed: 42);

        SyntheticTrack.Generate(spec).Content.Should().Equal(SyntheticTrack.Generate(spec with { }).Content);
        SyntheticTrack.Generate(spec with { Seed = 43 }).Content.Should().NotEqual(SyntheticTrack.Generate(spec).Content);
    }

    [Fact]
    public void Generate_DefaultSeedForTwoDevices_GivesDifferentSessions()
    {
        var first = SyntheticTrack.Generate(new SyntheticTrackSpec(817, "A", Start, TimeSpan.FromMinutes(10)));
        var second = SyntheticTrack.Generate(new SyntheticTrackSpec(818, "A", Start, TimeSpan.FromMinutes(10)));

        second.Best2s.Should().NotBe(first.Best2s);
        second.Distance.Should().NotBe(first.Distance);
    }

    [Fact]
    public void Generate_ZeroDuration_IsAnEmptyLog()
    {
        var track = SyntheticTrack.Generate(new SyntheticTrackSpec(817, "ABC817", Start, TimeSpan.Zero));
        var read = OaoReader.Read(track.Content, Strict);

        track.Content.Should().HaveCount(512);
        read.Frames.Should().BeEmpty();
        read.Header!.StartDate.Should().Be(Start.ToUnixTimeMilliseconds());
        track.StartDate.Should().Be(Start.ToUnixTimeMilliseconds());
        track.EndDate.Should().Be(track.StartDate);
        track.Duration.Should().Be(0);
        track.Distance.Should().Be(0);
        track.Best2s.Should().Be(0);
        track.Best10s.Should().Be(0);
        track.Best500m.Should().Be(0);
    }

    [Fact]
    public void Generate_DevicePadding_Is1536BytesPlusFrames()
    {
        var empty = SyntheticTrack.Generate(new SyntheticTrackSpec(817, "ABC817", Start, TimeSpan.Zero) { DevicePadding = true });
        var spec = new SyntheticTrackSpec(817, "ABC817", Start, TimeSpan.FromMinutes(2)) { DevicePadding = true };
        var track = SyntheticTrack.Generate(spec);
        var read = OaoReader.Read(track.Content, Strict);

        empty.Size.Should().Be(1536);
        track.Size.Should().Be(1536 + (600 * 52));
        read.Headers.Should().HaveCount(3);
        read.Header.Should().BeSameAs(read.Headers[0]);
        read.Frames.Should().HaveCount(600);
        OaoSummaryCalculator.Calculate(read).Best2s.Should().Be(track.Best2s);
    }

    [Fact]
    public void Generate_NeverSailed_Has500mBestBelowOneKnot()
    {
        var spec = new SyntheticTrackSpec(817, "ABC817", Start, TimeSpan.FromHours(2), MaxSpeedKnots: 0, Seed: 9);

        var track = SyntheticTrack.Generate(spec);
        var frames = OaoReader.Read(track.Content).Frames;

        frames.Should().OnlyContain(frame => frame.Speed < TrackFigures.MillimetresPerSecondPerKnot);
        track.Best500m.Should().BeGreaterThan(0, "two hours of drifting cover more than 500 m");
        TrackFigures.ToKnots(track.Best500m).Should().BeLessThan(1);
        TrackFigures.ToKnots(track.Best2s).Should().BeLessThan(1);
    }

    [Theory]
    [InlineData(20.0, 1)]
    [InlineData(30.0, 2)]
    [InlineData(8.0, 3)]
    public void Generate_Session_HasRunsGybesAndAMeaningful500mBest(double knots, int seed)
    {
        var spec = new SyntheticTrackSpec(817, "ABC817", Start, TimeSpan.FromHours(1), MaxSpeedKnots: knots, Seed: seed);

        var track = SyntheticTrack.Generate(spec);
        var frames = OaoReader.Read(track.Content).Frames;
        double max = TrackFigures.KnotsToMillimetresPerSecond(knots);
        long top = (long)Math.Round(max);

        frames.Max(frame => frame.Speed).Should().BeLessThanOrEqualTo((uint)top);
        track.Best2s.Should().BeGreaterThan((long)(0.8 * max)).And.BeLessThanOrEqualTo(top);
        track.Best10s.Should().BeLessThanOrEqualTo(track.Best2s);
        track.Best500m.Should().BeLessThan(track.Best10s, "a 500 m run lasts longer than 10 s")
            .And.BeGreaterThan((long)(0.5 * max), "runs are long enough to hold 500 m near speed");
        Slowdowns(frames, max).Should().BeGreaterThan(20, "an hour of sailing holds many gybes");
        frames.Count(frame => frame.Speed < 0.3 * max).Should().BeGreaterThan(frames.Count / 50, "there are slow bits");
    }

    [Fact]
    public void Generate_Positions_MoveBySpeedTimesTimeAlongTheHeading()
    {
        var track = SyntheticTrack.Generate(new SyntheticTrackSpec(817, "ABC817", Start, TimeSpan.FromMinutes(30), Seed: 11));
        var frames = OaoReader.Read(track.Content).Frames;

        double travelled = frames.Zip(frames.Skip(1)).Sum(pair => Metres(pair.First, pair.Second));

        travelled.Should().BeApproximately(track.Distance / 1000.0, track.Distance / 1000.0 * 0.02);
        var fast = frames.Zip(frames.Skip(1)).First(pair => pair.Second.Speed > 5000);
        double bearing = Bearing(fast.First, fast.Second);
        double difference = Math.Abs(((bearing - fast.Second.HeadingDegrees + 540) % 360) - 180);
        difference.Should().BeLessThan(5);
    }

    [Fact]
    public void Generate_Frames_HaveRealisticQualityFields()
    {
        var frames = OaoReader.Read(SyntheticTrack.Generate(new SyntheticTrackSpec(1, "x", Start, TimeSpan.FromMinutes(20))).Content).Frames;

        frames.Should().OnlyContain(frame => frame.Fix == 3
            && frame.Satellites >= 10 && frame.Satellites <= 20
            && frame.SpeedAccuracy >= 100 && frame.SpeedAccuracy <= 300
            && frame.HorizontalAccuracy >= 500 && frame.HorizontalAccuracy <= 2000
            && frame.Dop >= 60 && frame.Dop <= 120
            && frame.Heading < 36_000_000
            && frame.HeadingAccuracy <= 18_000_000);
    }

    [Fact]
    public void Generate_StartNotOnASample_IsMovedBackToOne()
    {
        var spec = new SyntheticTrackSpec(1, "x", Start.AddMilliseconds(1_234), TimeSpan.FromSeconds(10));

        var track = SyntheticTrack.Generate(spec);

        track.StartDate.Should().Be(Start.ToUnixTimeMilliseconds() + 1_200);
    }

    [Theory]
    [InlineData(3, "x", 0)]
    [InlineData(0, "x", 0)]
    [InlineData(5, "ElevenChars", 0)]
    [InlineData(5, "x", -1)]
    public void Generate_InvalidSpec_Throws(int frequency, string nickname, int seconds)
    {
        var spec = new SyntheticTrackSpec(1, nickname, Start, TimeSpan.FromSeconds(seconds), FrequencyHz: frequency);

        var act = () => SyntheticTrack.Generate(spec);

        act.Should().Throw<ArgumentException>();
    }

    /// <summary>Times the speed falls from above 70 % of the top to below 50 % of it (gybes and slow bits).</summary>
    private static int Slowdowns(IReadOnlyList<OaoGnssFrame> frames, double max)
    {
        int count = 0;
        bool fast = false;
        foreach (var frame in frames)
        {
            if (frame.Speed > 0.7 * max)
            {
                fast = true;
            }
            else if (fast && frame.Speed < 0.5 * max)
            {
                fast = false;
                count++;
            }
        }

        return count;
    }

    private static double Metres(OaoGnssFrame a, OaoGnssFrame b)
    {
        double north = (b.LatitudeDegrees - a.LatitudeDegrees) * 111_320;
        double east = (b.LongitudeDegrees - a.LongitudeDegrees) * 111_320 * Math.Cos(a.LatitudeDegrees * Math.PI / 180);
        return Math.Sqrt((north * north) + (east * east));
    }

    private static double Bearing(OaoGnssFrame a, OaoGnssFrame b)
    {
        double north = b.LatitudeDegrees - a.LatitudeDegrees;
        double east = (b.LongitudeDegrees - a.LongitudeDegrees) * Math.Cos(a.LatitudeDegrees * Math.PI / 180);
        return (Math.Atan2(east, north) * 180 / Math.PI + 360) % 360;
    }
}
