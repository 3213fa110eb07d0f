using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>
/// The alpha search passes over starts and ends it has proved cannot win; these properties check it finds exactly what
/// a search of every start of every end finds (<see cref="AlphaReference"/>), on generated tracks built to have
/// what could trip it: out-and-back runs at whole m/s (many windows of exactly the same speed), position noise and
/// position glitches (the path and the Doppler distance disagree), gaps, a clock that steps back, and frames the rules
/// set aside.
/// </summary>
public sealed class AlphaPropertyTests
{
    public static TheoryData<int, int> Tracks => new() { { 1, 1 }, { 1, 2 }, { 5, 3 }, { 5, 4 }, { 5, 5 }, { 10, 6 }, { 10, 7 }, { 2, 8 } };

    [Theory]
    [MemberData(nameof(Tracks))]
    public void TheSearch_FindsTheAlphaOfEveryStartAndEnd_InEverySegment(int frequency, int seed)
    {
        var random = new Random(seed);
        var frames = Generate(frequency, random, glitches: false);
        var history = new FrameHistory(frequency);
        var accounting = new FigureAccounting(ResultRules.Default.MaximumGap, 0);
        var alpha = new AlphaWindow();
        var best = new BestWindow();
        var entries = new List<HistoryEntry>();
        var segments = new List<int>();
        for (int i = 0; i < frames.Length; i++)
        {
            // Now and then a new segment, as the filtered set starts one after a gap.
            bool starts = i == 0 || random.Next(1500) == 0;
            if (starts)
            {
                history.StartSegment();
            }

            history.Add(accounting.Next(frames[i], starts));
            entries.Add(history.Last);
            segments.Add(starts ? i : segments[^1]);
            if (alpha.TryEndingAtNewest(history, out var window))
            {
                best.Offer(window);
            }
        }

        var expected = AlphaReference.Best(entries, segments, history.Capacity);

        expected.Should().NotBeNull("the generated track has out-and-back runs");
        best.HasValue.Should().BeTrue();
        best.Window.Should().Be(expected!.Value);
    }

    [Theory]
    [MemberData(nameof(Tracks))]
    public void BothSetsOfFigures_HaveTheAlphaOfEveryStartAndEndOfTheirFrames(int frequency, int seed)
    {
        // The filtered set follows the device's search while the rules keep every frame, then searches alone.
        var frames = Generate(frequency, new Random(seed), glitches: true);
        var rules = ResultRules.Default;

        var results = Results.Of(frames, frequency);

        results.Device.Alpha500.Should().Be(Knots(AlphaReference.OfFrames(frames, _ => false, rules.MaximumGap, segmented: false)));
        results.Figures.Alpha500.Should().Be(Knots(AlphaReference.OfFrames(frames, IsGlitch, rules.MaximumGap, segmented: true)));
    }

    /// <summary>
    /// Runs out and back along a random course with U-turns tight enough to come back within 50 m, wider turns that
    /// do not, right-angle turns, pauses; speeds in whole m/s.
    /// </summary>
    private static OaoGnssFrame[] Generate(int frequency, Random random, bool glitches)
    {
        var track = new SailingTrack(frequency);
        double heading = random.Next(360);
        while (track.Count < 1200 * frequency)
        {
            double speed = random.Next(5, 16);
            track.Sail(random.Next(10, 40), speed, heading);
            double turn = random.Next(4) switch { 0 => 90, 1 => -180, _ => 180 };
            double next = random.Next(5, 16);
            track.Leg(random.Next(2, 12), speed, next, heading, heading + turn);
            heading += turn;
            if (random.Next(6) == 0)
            {
                track.Pause(random.Next(1, 90));
            }
        }

        var frames = track.Build();
        for (int i = 0; i < frames.Length; i++)
        {
            frames[i] = Disturb(frames[i], random, glitches);
        }

        return frames;
    }

    private static OaoGnssFrame Disturb(OaoGnssFrame frame, Random random, bool glitches)
    {
        frame = frame with
        {
            Latitude = frame.Latitude + random.Next(-30, 31),
            Longitude = frame.Longitude + random.Next(-30, 31),
        };
        return random.Next(1000) switch
        {
            0 => frame with { Latitude = frame.Latitude + random.Next(-50_000, 50_000) },
            1 => frame with { Utc = frame.Utc - 1500 },
            2 when glitches => frame with { Satellites = 3 },
            _ => frame,
        };
    }

    /// <summary>The generated glitches are those the rules set aside by their satellites alone.</summary>
    private static bool IsGlitch(OaoGnssFrame frame) => frame.Satellites < ResultRules.Default.MinimumSatellites;

    private static double? Knots(WindowSpeed? window) => window is { } found ? Speeds.ToKnots(found.Speed) : null;
}
