using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoSummaryCalculatorTests
{
    private const long Start = 1_700_000_000_000;

    [Fact]
    public void Calculate_NoFrames_IsAllZero()
    {
        var summary = OaoSummaryCalculator.Calculate(ReadOnlySpan<OaoGnssFrame>.Empty, 5);

        summary.FrameCount.Should().Be(0);
        summary.StartDate.Should().Be(0);
        summary.Duration.Should().Be(0);
        summary.Distance.Should().Be(0);
        summary.Best2s.Should().Be(0);
        summary.Best500m.Should().Be(0);
        summary.BestsOver10s.Should().BeEmpty();
    }

    [Fact]
    public void Calculate_ConstantSpeed_GivesDistanceDurationAndBests()
    {
        // 10 m/s for 100 s at 5 Hz: 500 frames, 200 ms apart.
        var frames = Frames(Enumerable.Repeat(10_000u, 500).ToArray());

        var summary = OaoSummaryCalculator.Calculate(frames, 5);

        summary.FirstFrameTime.Should().Be(Start + 200);
        summary.StartDate.Should().Be(Start, "devices start one sample period before the first frame");
        summary.EndDate.Should().Be(Start + (500 * 200));
        summary.Duration.Should().Be(100_000);
        summary.Distance.Should().Be(10_000 * 99_800 / 1000, "the first frame has no predecessor: 499 intervals of 200 ms");
        summary.Best1s.Should().Be(10_000);
        summary.Best2s.Should().Be(10_000);
        summary.Best10s.Should().Be(10_000);
        summary.Best500m.Should().Be(10_000);
        summary.MaxSpeed.Should().Be(10_000);
        summary.Above12KnotsMeanSpeed.Should().Be(10_000);
        summary.Above12KnotsSeconds.Should().Be(100);
    }

    [Fact]
    public void Calculate_MeanOfWindow_IsTruncated()
    {
        // Best 2 s window at 1 Hz: speeds 1000 and 1001, mean 1000.5.
        var frames = Frames([0, 1000, 1001, 0], spacing: 1000);

        var summary = OaoSummaryCalculator.Calculate(frames, 1);

        summary.Best2s.Should().Be(1000);
        summary.Best1s.Should().Be(1001);
    }

    [Fact]
    public void Calculate_BestWindow_IsStampedWithTheWholeSecondOfItsEnd()
    {
        var speeds = new uint[50];
        speeds[20] = speeds[21] = 5000;   // frames 20 and 21 (t = Start + 4200, Start + 4400)
        var frames = Frames(speeds);

        var summary = OaoSummaryCalculator.Calculate(frames, 5);

        summary.BestsOver1s[0].Should().Be(new OaoBest((uint)((Start + 4400) / 1000), 2000),
            "the earliest 5-frame window holding both fast frames ends at frame 21");
    }

    [Fact]
    public void Calculate_500m_UsesTheLatestStartCoveringTheDistance()
    {
        // 1 Hz; D grows by the frame's speed each second. Frames 1..50 at 10 m/s, then 50 frames at 20 m/s.
        var speeds = Enumerable.Repeat(10_000u, 51).Concat(Enumerable.Repeat(20_000u, 50)).ToArray();
        var frames = Frames(speeds, spacing: 1000);

        var summary = OaoSummaryCalculator.Calculate(frames, 1);

        summary.Best500m.Should().Be(20_000, "25 frames at 20 m/s cover exactly 500 m");
        summary.BestsOver500m.Select(best => best.Value).Should().BeInDescendingOrder();
        summary.Best500m.Should().Be(ReferenceBestDistance(frames, 500_000));
    }

    [Fact]
    public void Calculate_WithGap_CountsTheGapInTheDistance()
    {
        var frames = new[]
        {
            Frame(Start, 1000),
            Frame(Start + 1000, 1000),
            Frame(Start + 11_000, 2000),
        };

        var summary = OaoSummaryCalculator.Calculate(frames, 1);

        summary.Distance.Should().Be(1000 + 20_000);
        summary.Duration.Should().Be(12_000);
    }

    [Fact]
    public void Calculate_UnknownFrequency_UsesTheMedianSpacing()
    {
        var frames = Frames(Enumerable.Range(0, 100).Select(i => (uint)(i * 10)).ToArray(), spacing: 100);

        var summary = OaoSummaryCalculator.Calculate(frames);

        summary.FrequencyHz.Should().Be(10);
        summary.SamplePeriod.Should().Be(100);
        summary.StartDate.Should().Be(frames[0].Utc - 100);
        summary.Best1s.Should().Be((90 + 99) * 10 / 2, "the last ten frames are the fastest");
    }

    [Fact]
    public void Calculate_Tables_HoldFiveWindowsThatDoNotOverlapBestFirst()
    {
        var frames = OaoTestVectors.Frames(2_000, seed: 3);

        var summary = OaoSummaryCalculator.Calculate(frames, 5);

        foreach (var (table, length) in new[] { (summary.BestsOver1s, 5), (summary.BestsOver2s, 10), (summary.BestsOver10s, 50) })
        {
            table.Should().HaveCount(5);
            table.Select(best => best.Value).Should().BeInDescendingOrder();
            var ends = table.Select(best => (long)best.UtcSeconds * 1000).ToArray();
            for (int a = 0; a < ends.Length; a++)
            {
                for (int b = a + 1; b < ends.Length; b++)
                {
                    // Window ends at least a window apart, give or take the truncation to whole seconds.
                    Math.Abs(ends[a] - ends[b]).Should().BeGreaterThanOrEqualTo((length * 200) - 1000);
                }
            }
        }
    }

    [Theory]
    [InlineData(1, 300, 1)]
    [InlineData(2, 600, 2)]
    [InlineData(5, 1500, 3)]
    [InlineData(10, 3000, 4)]
    [InlineData(5, 20_000, 5)]
    public void Calculate_RandomTracks_MatchANaiveReference(int frequency, int count, int seed)
    {
        var random = new Random(seed);
        long spacing = 1000 / frequency;
        var frames = Enumerable.Range(0, count)
            .Select(i => Frame(Start + (i * spacing), (uint)random.Next(0, 15_000)))
            .ToArray();

        var summary = OaoSummaryCalculator.Calculate(frames, frequency);

        summary.Best1s.Should().Be(ReferenceBestMean(frames, frequency));
        summary.Best2s.Should().Be(ReferenceBestMean(frames, 2 * frequency));
        summary.Best10s.Should().Be(ReferenceBestMean(frames, 10 * frequency));
        if (count <= 3000)
        {
            summary.Best500m.Should().Be(ReferenceBestDistance(frames, 500_000));
            summary.BestsOver1852m.Select(best => (long)best.Value).FirstOrDefault().Should().Be(ReferenceBestDistance(frames, 1_852_000));
        }

        summary.Distance.Should().Be(frames.Skip(1).Select((frame, i) => frame.Speed * (frame.Utc - frames[i].Utc)).Sum() / 1000);
    }

    [Fact]
    public void Calculate_ReadResult_UsesTheHeaderFrequency()
    {
        var content = OaoTestVectors.File(300, out var frames);

        var summary = OaoSummaryCalculator.Calculate(OaoReader.Read(content));

        summary.Should().Be(OaoSummaryCalculator.Calculate(frames, 5));
    }

    [Fact]
    public void Calculate_ClockGoingBackwards_AddsNoDistanceAndDoesNotThrow()
    {
        var frames = new[] { Frame(Start, 1000), Frame(Start - 5000, 9000), Frame(Start + 1000, 1000) };

        var summary = OaoSummaryCalculator.Calculate(frames, 1);

        summary.Distance.Should().Be(6000);
    }

    private static OaoGnssFrame[] Frames(uint[] speeds, long spacing = 200) =>
        speeds.Select((speed, i) => Frame(Start + ((i + 1) * spacing), speed)).ToArray();

    private static OaoGnssFrame Frame(long utc, uint speed) => new() { Utc = utc, Speed = speed, Fix = 3, Satellites = 12 };

    /// <summary>Every window of <paramref name="count"/> consecutive frames, summed from scratch.</summary>
    private static long ReferenceBestMean(OaoGnssFrame[] frames, int count)
    {
        long best = 0;
        for (int start = 0; start + count <= frames.Length; start++)
        {
            long sum = 0;
            for (int i = start; i < start + count; i++)
            {
                sum += frames[i].Speed;
            }

            best = Math.Max(best, sum / count);
        }

        return best;
    }

    /// <summary>§9 word for word: for each end i, the latest start j with D(i) − D(j) ≥ the distance, searched backwards.</summary>
    private static long ReferenceBestDistance(OaoGnssFrame[] frames, long millimetres)
    {
        var d = new decimal[frames.Length];
        for (int i = 1; i < frames.Length; i++)
        {
            d[i] = d[i - 1] + (frames[i].Speed * (decimal)(frames[i].Utc - frames[i - 1].Utc) / 1000m);
        }

        decimal best = 0;
        for (int i = 0; i < frames.Length; i++)
        {
            for (int j = i - 1; j >= 0; j--)
            {
                if (d[i] - d[j] >= millimetres)
                {
                    best = Math.Max(best, (d[i] - d[j]) * 1000m / (frames[i].Utc - frames[j].Utc));
                    break;
                }
            }
        }

        return (long)decimal.Truncate(best);
    }
}
