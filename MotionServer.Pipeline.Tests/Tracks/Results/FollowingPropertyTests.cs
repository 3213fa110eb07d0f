using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>
/// While the rules keep every frame, the filtered set takes the device's runs and its windows of the same kind (30 min,
/// 1 h, the distances' starts, alpha 500) instead of searching them again, and takes their state over at the first
/// frame the rules set aside. These properties check it changes nothing, to the bit: on generated sessions the
/// figures and the reasons are those of each set searched alone, whether the rules set a frame aside early, late or
/// never, and with gaps and a clock that steps back.
/// </summary>
public sealed class FollowingPropertyTests
{
    /// <summary>Rate, seed, where the rules first set a frame aside (never when null), minutes.</summary>
    public static TheoryData<int, int, double?, int> Tracks => new()
    {
        { 5, 1, null, 90 }, { 10, 2, null, 90 }, { 1, 3, null, 90 },
        { 5, 4, 0.02, 90 }, { 5, 5, 0.5, 90 }, { 10, 6, 0.9, 90 }, { 2, 7, 0.3, 90 }, { 5, 8, 0.0, 90 },

        // Five or six runs: a run split where the sets part would change 5×10 s.
        { 5, 9, 0.5, 7 }, { 10, 10, 0.6, 8 }, { 5, 11, 0.4, 7 }, { 2, 12, 0.7, 9 },
    };

    [Theory]
    [MemberData(nameof(Tracks))]
    public void FollowingTheDeviceSet_GivesTheFiguresOfEachSetSearchedAlone(int frequency, int seed, double? firstGlitch, int minutes)
    {
        var random = new Random(seed);
        var frames = Disturb(GeneratedSession.Frames(frequency, seed, TimeSpan.FromMinutes(minutes)), random, firstGlitch);

        var following = Of(frames, frequency, follow: true);
        var alone = Of(frames, frequency, follow: false);

        following.Device.Should().Be(alone.Device);
        following.Figures.Should().Be(alone.Figures);
        following.Reasons.Select(reason => reason.Text).Should().Equal(alone.Reasons.Select(reason => reason.Text));
        following.Figures.FiveByTenSeconds.Should().NotBeNull("the session has at least five runs");
        following.Figures.NauticalMile.Should().NotBeNull();
    }

    [Fact]
    public void AFrameSetAsideMidRun_DoesNotSplitTheRun()
    {
        // Five runs, the fastest third; the sets part in its middle, where the filtered set takes the runs over.
        var track = new SailingTrack(5);
        double heading = 30;
        foreach (double speed in new[] { 10.0, 11, 14, 12, 13 })
        {
            track.Leg(5, 5, speed, heading, heading).Sail(60, speed, heading).Leg(5, speed, 5, heading, heading + 180);
            heading += 180;
        }

        var frames = track.Build();
        int glitch = (2 * 70 * 5) + (35 * 5);
        frames[glitch] = frames[glitch] with { Satellites = 3 };

        var following = Of(frames, 5, follow: true);
        var alone = Of(frames, 5, follow: false);

        following.Figures.FiveByTenSeconds.Should().NotBeNull().And.Be(alone.Figures.FiveByTenSeconds);
        following.Figures.Should().Be(alone.Figures);
    }

    private static TrackResults Of(OaoGnssFrame[] frames, int frequency, bool follow)
    {
        var calculator = new TrackResultsCalculator(ResultRules.Default, follow);
        calculator.OnHeader(new OaoHeader { FrequencyHz = (byte)frequency });
        foreach (var frame in frames)
        {
            calculator.OnGnssFrame(frame);
        }

        return calculator.Finish();
    }

    /// <summary>
    /// Position noise, now and then a clock that steps back or a gap (the device's set does not segment, the filtered
    /// one does); from <paramref name="firstGlitch"/> of the way on (never when null), frames the rules set aside.
    /// </summary>
    private static OaoGnssFrame[] Disturb(OaoGnssFrame[] frames, Random random, double? firstGlitch)
    {
        int glitchesFrom = firstGlitch is { } share ? (int)(share * frames.Length) : int.MaxValue;
        long shift = 0;
        for (int i = 0; i < frames.Length; i++)
        {
            shift += random.Next(20_000) == 0 ? 30_000 : 0;
            var frame = frames[i] with
            {
                Utc = frames[i].Utc + shift - (random.Next(20_000) == 0 ? 1500 : 0),
                Latitude = frames[i].Latitude + random.Next(-30, 31),
                Longitude = frames[i].Longitude + random.Next(-30, 31),
            };
            bool glitch = i == glitchesFrom || (i > glitchesFrom && random.Next(2000) == 0);
            frames[i] = glitch ? frame with { Satellites = 3, Speed = frame.Speed + 9000 } : frame;
        }

        return frames;
    }
}
