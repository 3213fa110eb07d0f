using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoSummaryTests
{
    [Fact]
    public void ApplyTo_Header_FillsTheSummaryAndKeepsTheIdentity()
    {
        var frames = OaoTestVectors.Frames(600);
        var summary = OaoSummaryCalculator.Calculate(frames, 5);
        var identity = new OaoHeader
        {
            Identifier = 470,
            Nickname = "K888",
            Firmware = 3129,
            TimezoneMinutes = 60,
            OneLogPerDay = true,
            ElevationGain = 12,
            BestsOver1h = [new OaoBest(1, 2)],
        };

        var header = summary.ApplyTo(identity);

        header.Should().BeEquivalentTo(identity, options => options
            .Including(h => h.Identifier).Including(h => h.Nickname).Including(h => h.Firmware)
            .Including(h => h.TimezoneMinutes).Including(h => h.OneLogPerDay).Including(h => h.ElevationGain)
            .Including(h => h.BestsOver1h));
        header.StartDate.Should().Be(frames[0].Utc - 200);
        header.EndDate.Should().Be(frames[^1].Utc);
        header.StartPosition.Should().Be(new OaoPosition(frames[0].Latitude, frames[0].Longitude, frames[0].Altitude));
        header.EndPosition.Should().Be(new OaoPosition(frames[^1].Latitude, frames[^1].Longitude, frames[^1].Altitude));
        header.Distance.Should().Be((uint)summary.Distance);
        header.Minimum.Should().Be(new OaoExtremes(0, 0, frames.Min(frame => frame.Altitude), 0));
        header.Maximum.Should().Be(new OaoExtremes(0, 0, frames.Max(frame => frame.Altitude), frames.Max(frame => frame.Speed)));
        header.BestsOver2s.Should().Equal(summary.BestsOver2s);
        header.BestsOver500m.Should().Equal(summary.BestsOver500m);
        header.FrequencyHz.Should().Be(5);
    }

    [Fact]
    public void BestProperties_EmptyTables_AreZero()
    {
        var summary = new OaoSummary();

        summary.Best1s.Should().Be(0);
        summary.Best2s.Should().Be(0);
        summary.Best10s.Should().Be(0);
        summary.Best500m.Should().Be(0);
        summary.Duration.Should().Be(0);
    }
}
