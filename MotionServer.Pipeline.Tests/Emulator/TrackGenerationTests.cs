using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Generation;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class TrackGenerationTests
{
    private static readonly TrackSpec Spec = new(817, "WSW", new DateTimeOffset(2025, 10, 12, 10, 2, 9, TimeSpan.Zero), TimeSpan.FromMinutes(2));

    [Fact]
    public void SyntheticGenerator_Generate_AnnouncesTheFiguresOfAValidOaoFile()
    {
        var track = TrackGenerators.Default.Generate(Spec);
        var read = OaoReader.Read(track.Content.Span);

        track.Path.Should().Be("/logs/2025/10/0817_2025-10-12-1102.oao");
        track.Size.Should().Be(1536 + (52 * 600));
        read.Anomalies.Should().BeEmpty();
        read.Frames.Should().HaveCount(600);
        read.Header!.StartDate.Should().Be(track.StartDate);
        read.Header.EndDate.Should().Be(track.EndDate);
        ((long)read.Header.Distance).Should().Be(track.Distance);
        OaoHeader.BestOf(read.Header.BestsOver500m).Should().Be(track.Best500m);
        track.TimezoneMinutes.Should().Be(60);
    }

    [Fact]
    public void SyntheticGenerator_ZeroDuration_GivesAnEmpty1536ByteLog()
    {
        var track = TrackGenerators.Default.Generate(Spec with { Duration = TimeSpan.Zero });

        track.Size.Should().Be(1536);
        track.Duration.Should().Be(0);
        track.Best500m.Should().Be(0);
    }

    [Fact]
    public void SyntheticGenerator_LongNickname_IsCutToTheHeaderLength()
    {
        var track = TrackGenerators.Default.Generate(Spec with { Nickname = "Zoë the very fast sailor" });

        OaoReader.Read(track.Content.Span).Header!.Nickname.Should().HaveLength(10);
    }

    [Fact]
    public void FillerGenerator_SameSpec_SameBytesOfTheDeviceSize()
    {
        var first = TrackGenerators.Filler.Generate(Spec);
        var second = TrackGenerators.Filler.Generate(Spec);

        first.Content.ToArray().Should().Equal(second.Content.ToArray());
        first.Size.Should().Be(512 + (52 * 600));
        first.Best2s.Should().BeGreaterThan(first.Best500m);
        TrackGenerators.Filler.Generate(Spec with { Duration = TimeSpan.Zero }).Size.Should().Be(1536);
    }

    [Theory]
    [InlineData(817, 60, "/logs/2025/10/0817_2025-10-12-1102.oao")]
    [InlineData(5, 0, "/logs/2025/10/0005_2025-10-12-1002.oao")]
    [InlineData(12345, -600, "/logs/2025/10/12345_2025-10-12-0002.oao")]
    public void TrackPaths_For_NamesTheLocalStartLikeTheFirmware(int id, int timezone, string expected)
    {
        TrackPaths.For(id, Spec.Start, timezone).Should().Be(expected);
    }
}
