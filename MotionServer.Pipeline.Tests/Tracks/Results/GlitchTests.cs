using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>
/// Each quality rule against a glitch burst that breaks only it: the device's 2 s jumps, the rules' 2 s stays that of
/// the healthy track (10 m/s), and the track is suspect with a reason naming the fault. Turning the rule off lets the
/// glitch through, which shows the rule, and not another, caught it.
/// </summary>
public sealed class GlitchTests
{
    /// <summary>10 m/s for 2 minutes at 5 Hz, then 5 frames (1 s) from 10:00:30.2 at 30 m/s broken by <paramref name="breakFrame"/>.</summary>
    private static OaoGnssFrame[] Glitched(Func<OaoGnssFrame, OaoGnssFrame> breakFrame)
    {
        var frames = new SailingTrack(5).Sail(120, 10, 0).Build();
        for (int i = 151; i <= 155; i++)
        {
            frames[i] = breakFrame(frames[i] with { Speed = 30_000 });
        }

        return frames;
    }

    public static TheoryData<string, string> Rules => new()
    {
        { "satellites", "3 satellites" },
        { "hdop", "HDOP 99.99" },
        { "sacc", "speed accuracy 9.7 kn" },
        { "fix", "fix type 2" },
        { "acceleration", "100 m/s² acceleration" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void EachRule_AloneLeavesItsGlitchOut_AndMakesTheTrackSuspect(string rule, string words)
    {
        var frames = Glitched(Break(rule));

        var results = Results.Of(frames, 5, OnlyRule(rule, turnedOff: false));

        results.Device.TwoSeconds.Should().BeApproximately(Results.Knots(20), 1e-9, "5 glitch frames at 30 m/s and 5 at 10 fill the device's best 10 frames");
        results.Figures.TwoSeconds.Should().BeApproximately(Results.Knots(10), 0.01);
        results.Figures.TenSeconds.Should().BeApproximately(Results.Knots(10), 0.01);
        results.IsSuspect.Should().BeTrue();
        results.Reasons.Should().Contain(reason => reason.Category == "2s")
            .Which.Text.Should().Contain(words).And.EndWith("by the rules 2 s is 19.4 kn");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void TheSameGlitch_WithItsRuleOff_GoesThrough(string rule, string words)
    {
        _ = words;
        var frames = Glitched(Break(rule));

        var results = Results.Of(frames, 5, OnlyRule(rule, turnedOff: true));

        results.Figures.TwoSeconds.Should().BeApproximately(Results.Knots(20), 1e-9);
        results.IsSuspect.Should().BeFalse();
    }

    /// <summary>
    /// The default rules, but for a quality rule's case without the acceleration rule (the jump to 30 m/s would catch
    /// the glitch anyway), and with the case's own rule off when <paramref name="turnedOff"/>.
    /// </summary>
    private static ResultRules OnlyRule(string rule, bool turnedOff)
    {
        var options = new ResultsOptions();
        if (rule != "acceleration")
        {
            options.MaximumAcceleration = 1000;
        }

        if (turnedOff)
        {
            switch (rule)
            {
                case "satellites": options.MinimumSatellites = 0; break;
                case "hdop": options.MaximumHdop = 100; break;
                case "sacc": options.MaximumSpeedAccuracyKnots = 100; break;
                case "fix": options.MinimumFix = 0; break;
                default: options.MaximumAcceleration = 1000; break;
            }
        }

        return ResultRules.From(options);
    }

    [Fact]
    public void AGlitchReason_SaysWhatWasWrong_InTheStaffsWords()
    {
        // Few satellites, a huge HDOP and the jump itself: all three named, the worst value of each.
        var frames = Glitched(frame => frame with { Satellites = 4, Dop = 9999 });

        var reason = Results.Of(frames, 5).Reasons.Should().Contain(r => r.Category == "2s").Which;

        reason.Text.Should().Be("2 s 38.9 kn at 10:00:31 is a glitch (4 satellites, HDOP 99.99, 100 m/s² acceleration); by the rules 2 s is 19.4 kn");
        reason.At.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(SailingTrack.Morning + 31_000));
    }

    [Fact]
    public void AHealthyTrack_FasterThanAnythingSails_IsSuspect()
    {
        var frames = new SailingTrack(5).Leg(30, 5, 40, 0, 0).Sail(30, 40, 0).Build();

        var results = Results.Of(frames, 5);

        results.Figures.TwoSeconds.Should().BeApproximately(Results.Knots(40), 1e-9);
        results.Reasons.Should().Contain(r => r.Category == "2s")
            .Which.Text.Should().Be("by the rules 2 s is 77.8 kn, faster than anything sails (more than 70 kn)");
    }

    [Fact]
    public void AGlitchAfterWhichTheSpeedReallyChanged_DoesNotStopTheTrack()
    {
        // A 3 s pause, then the rider is at 15 m/s: the first frame after the gap starts a segment, no acceleration
        // is measured across a gap, so the rest of the track still counts.
        var frames = new SailingTrack(5).Sail(30, 5, 0).Pause(3).Sail(30, 15, 0).Build();

        var results = Results.Of(frames, 5);

        results.Figures.TenSeconds.Should().BeApproximately(Results.Knots(15), 1e-9);
    }

    private static Func<OaoGnssFrame, OaoGnssFrame> Break(string rule) => rule switch
    {
        "satellites" => frame => frame with { Satellites = 3 },
        "hdop" => frame => frame with { Dop = 9999 },
        "sacc" => frame => frame with { SpeedAccuracy = 5000 },
        "fix" => frame => frame with { Fix = 2 },
        _ => frame => frame,
    };
}
