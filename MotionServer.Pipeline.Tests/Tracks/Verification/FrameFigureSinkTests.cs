using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tests.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Verification;
using static MotionServer.Pipeline.Tests.Tracks.Verification.VerificationSamples;

namespace MotionServer.Pipeline.Tests.Tracks.Verification;

public sealed class FrameFigureSinkTests
{
    [Theory]
    [InlineData(1, 30, 5)]
    [InlineData(2, 20, 2)]
    [InlineData(5, 10, 5)]
    [InlineData(10, 10, 0)]
    [InlineData(5, 10, 0)]
    public void Finish_GeneratedTrack_GivesWhatTheSummaryOfAllFramesGives(int frequency, int minutes, int headerFrequency)
    {
        var track = SyntheticTrack.Generate(Spec(frequency: frequency, minutes: minutes));
        var frames = OaoReader.Read(track.Content).Frames.ToArray();

        Figures(frames, headerFrequency).Should().Be(Expected(frames, headerFrequency));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Finish_FramesWithStopsGapsAndAStuckClock_GivesWhatTheSummaryOfAllFramesGives(int seed)
    {
        var random = new Random(seed);
        var frames = OaoTestVectors.Frames(20_000, seed: seed);
        long utc = frames[0].Utc;
        for (int i = 0; i < frames.Length; i++)
        {
            // Runs of standing still, runs of fast sailing, forward gaps and a clock that sometimes stands still.
            uint speed = (i / 500 % 3) switch { 0 => 0u, 1 => (uint)random.Next(8_000, 16_000), _ => (uint)random.Next(0, 300) };
            utc += random.Next(50) switch { 0 => 3_000, 1 => 0, _ => 200 };
            frames[i] = frames[i] with { Speed = speed, Utc = utc };
        }

        Figures(frames, 5).Should().Be(Expected(frames, 5));
        Figures(frames, 0).Should().Be(Expected(frames, 0));
    }

    [Fact]
    public void Best500m_AnHourOfDriftingAfterSailing_KeepsAboutAMinuteOfStartsNotTheHour()
    {
        // Ten minutes at 10 m/s, then an hour at 0.1 m/s (5 Hz): 500 m of drifting would span more than the hour.
        var frames = OaoTestVectors.Frames(3_000 + 18_000)
            .Select((frame, i) => frame with { Speed = i < 3_000 ? 10_000u : 100u })
            .ToArray();
        var window = new OaoBestDistanceWindow(500_000);
        long distance = 0;
        int kept = 0;
        for (int i = 0; i < frames.Length; i++)
        {
            distance += i == 0 ? 0 : frames[i].Speed * (frames[i].Utc - frames[i - 1].Utc);
            window.Add(distance, frames[i].Utc);
            kept = Math.Max(kept, window.KeptStarts);
        }

        window.Best.Should().Be(OaoSummaryCalculator.Calculate(frames, 5).Best500m);
        kept.Should().BeLessThan(5 * 300, "five minutes of frames at 5 Hz");
    }

    /// <summary>The sink's figures, with the second pass when it asks for one.</summary>
    private static FrameFigures Figures(OaoGnssFrame[] frames, int headerFrequency)
    {
        var header = new OaoHeader { Identifier = 1, StartDate = 1, FrequencyHz = (byte)headerFrequency };
        var sink = new FrameFigureSink();
        Feed(sink, header, frames);
        var figures = sink.Finish(out int frequency);
        if (figures is null)
        {
            var again = new FrameFigureSink(frequency);
            Feed(again, header, frames);
            figures = again.Finish(out _);
        }

        return figures!;
    }

    private static void Feed(FrameFigureSink sink, OaoHeader header, OaoGnssFrame[] frames)
    {
        sink.OnHeader(header);
        foreach (var frame in frames)
        {
            sink.OnGnssFrame(in frame);
        }
    }

    /// <summary>The figures as verification computed them before it streamed: the whole summary, then one loop.</summary>
    private static FrameFigures Expected(OaoGnssFrame[] frames, int headerFrequency)
    {
        var summary = OaoSummaryCalculator.Calculate(frames, headerFrequency);
        long moving = 0;
        bool gaps = false;
        long limit = summary.SamplePeriod * 3 / 2;
        for (int i = 1; i < frames.Length; i++)
        {
            long spacing = frames[i].Utc - frames[i - 1].Utc;
            gaps |= spacing <= 0 || spacing > limit;
            if (frames[i].Speed >= 500 && spacing > 0)
            {
                moving += frames[i].Speed * spacing;
            }
        }

        return new FrameFigures
        {
            FrameCount = summary.FrameCount,
            FrequencyHz = summary.FrequencyHz,
            SamplePeriod = summary.SamplePeriod,
            FirstFrameTime = summary.FirstFrameTime,
            LastFrameTime = summary.LastFrameTime,
            Distance = summary.Distance,
            MovingDistance = moving / 1000,
            HasGaps = gaps,
            Best2s = summary.Best2s,
            Best10s = summary.Best10s,
            Best500m = summary.Best500m,
        };
    }
}
