using MotionServer.Emulator.Cli;
using MotionServer.Emulator.Demo;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Pipeline.Tests.Emulator.Tracks;

public sealed class TrackGlitchTests
{
    private const double MillimetresPerSecondPerKnot = 1852.0 * 1000 / 3600;
    private static readonly DateTimeOffset Start = new(2025, 10, 12, 11, 2, 9, TimeSpan.Zero);
    private static readonly SyntheticTrackSpec Clean = new(817, "ABC817", Start, TimeSpan.FromMinutes(20), MaxSpeedKnots: 24, Seed: 3) { DevicePadding = true };

    /// <summary>The frames a glitch made: its satellites, DOP and speed accuracy, which the session's noise never reaches.</summary>
    internal static bool IsGlitchFrame(OaoGnssFrame frame) => frame is { Satellites: <= 4, Dop: >= 9999, SpeedAccuracy: >= 5000 };

    private static TrackFigures ClaimsOf(GeneratedTrack track) => new DeviceLog
    {
        File = "/logs/x.oao", Size = track.Size, StartDate = track.StartDate, EndDate = track.EndDate, Duration = track.Duration,
        Distance = track.Distance, Best2s = track.Best2s, Best10s = track.Best10s, Best500m = track.Best500m,
    }.Figures;

    [Fact]
    public void Generate_WithAGlitch_IsAValidTrackWhoseHeaderAgreesWithItsFrames()
    {
        var track = SyntheticTrack.Generate(Clean with { Glitch = TrackGlitch.Default });

        var verdict = TrackVerifier.Verify(track.Content, ClaimsOf(track));

        verdict.IsValid.Should().BeTrue(string.Join("; ", verdict.Defects.Select(d => d.Text)));
        var read = OaoReader.Read(track.Content);
        OaoSummaryCalculator.Calculate(read).ApplyTo(read.Header!).Should().Be(read.Header, "the header is computed from every frame");
    }

    [Fact]
    public void Generate_WithAGlitch_HoldsTheBurstMidTrackWithItsSatellitesDopAndSpeedAccuracy()
    {
        var glitch = TrackGlitch.Default;

        var frames = OaoReader.Read(SyntheticTrack.Generate(Clean with { Glitch = glitch }).Content).Frames;
        var clean = OaoReader.Read(SyntheticTrack.Generate(Clean).Content).Frames;

        var burst = frames.Select((frame, index) => (frame, index)).Where(f => IsGlitchFrame(f.frame)).ToList();
        burst.Should().HaveCount(glitch.Frames);
        burst.Select(f => f.index).Should().Equal(Enumerable.Range(frames.Count / 2, glitch.Frames), "one burst, mid-track");
        burst.Should().AllSatisfy(f =>
        {
            f.frame.Satellites.Should().Be(4);
            f.frame.Dop.Should().Be(9999, "HDOP 99.99");
            f.frame.SpeedAccuracy.Should().Be(5000);
            f.frame.Speed.Should().Be((uint)Math.Round(62 * MillimetresPerSecondPerKnot));
        });
        frames.Select(f => f.Speed).Where((_, i) => !burst.Any(b => b.index == i))
            .Should().Equal(clean.Select(f => f.Speed).Where((_, i) => !burst.Any(b => b.index == i)), "the rest of the session is the one without the glitch");
        Math.Abs(frames[^1].Latitude - clean[^1].Latitude).Should().BeLessThan(200, "the burst flies out and back (a spike), the track then carries on");
    }

    [Fact]
    public void Generate_WithAGlitch_RaisesTheHeadersBestsAsADeviceCountsThem()
    {
        var glitched = SyntheticTrack.Generate(Clean with { Glitch = TrackGlitch.Default });
        var clean = SyntheticTrack.Generate(Clean);

        // Six frames at 62 knots alone make a 2 s window (ten frames at 5 Hz) of at least 6/10 of 62 knots.
        glitched.Best2s.Should().BeGreaterThanOrEqualTo((long)(0.6 * 62 * MillimetresPerSecondPerKnot)).And.BeGreaterThan(clean.Best2s);
        glitched.Best10s.Should().BeGreaterThan(clean.Best10s);
        clean.Best2s.Should().BeLessThan((long)(30 * MillimetresPerSecondPerKnot), "without the glitch the session tops out near 24 knots");
    }

    [Fact]
    public void Generate_GlitchWithoutFrames_IsRefused()
    {
        var act = () => SyntheticTrack.Generate(Clean with { Glitch = TrackGlitch.Default with { Frames = 0 } });

        act.Should().Throw<ArgumentException>().WithMessage("Glitch needs at least one frame*");
    }

    [Fact]
    public void Build_GlitchedDevices_PutsOneGlitchInTodaysLogsOfTheLastDevicesOnly()
    {
        EmulatorArguments.Parse(["--glitched", "2"]).Glitched.Should().Be(2);
        EmulatorArguments.Parse([]).Glitched.Should().Be(0);
        EmulatorArguments.Usage.Should().Contain("--glitched <N>");

        var plan = RealisticFleet.Build(new RealisticFleetOptions { Devices = 5, TracksPerDevice = 2, OlderTracksPerDevice = 0, GlitchedDevices = 2, Seed = 3 }, TimeProvider.System);

        plan.Devices.Select(d => d.Tracks.Count(HasGlitch)).Should().Equal(0, 0, 0, 1, 1);
    }

    internal static bool HasGlitch(EmulatedTrack track) => OaoReader.Read(track.Content.Span).Frames.Any(IsGlitchFrame);
}
