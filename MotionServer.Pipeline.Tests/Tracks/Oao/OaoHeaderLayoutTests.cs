using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoHeaderLayoutTests
{
    [Fact]
    public void Offsets_AreThoseOfTheFormatNotes()
    {
        int[] actual =
        [
            OaoHeaderLayout.Identifier, OaoHeaderLayout.Nickname, OaoHeaderLayout.StartDate, OaoHeaderLayout.StartPosition,
            OaoHeaderLayout.EndDate, OaoHeaderLayout.EndPosition, OaoHeaderLayout.Distance, OaoHeaderLayout.Minimum,
            OaoHeaderLayout.Maximum, OaoHeaderLayout.Above12KnotsMeanSpeed, OaoHeaderLayout.Above12KnotsSeconds,
            OaoHeaderLayout.BestsOver1s, OaoHeaderLayout.BestsOver10s, OaoHeaderLayout.BestsOver1h, OaoHeaderLayout.BestsOver500m,
            OaoHeaderLayout.BestsOver1000m, OaoHeaderLayout.BestsOver1852m, OaoHeaderLayout.GybeMinimum,
            OaoHeaderLayout.ElevationGain, OaoHeaderLayout.BestsOver2s, OaoHeaderLayout.Firmware, OaoHeaderLayout.Timezone,
            OaoHeaderLayout.Frequency, OaoHeaderLayout.OneLogPerDay, OaoHeaderLayout.Unused, OaoHeaderLayout.Signature,
        ];

        actual.Should().Equal(4, 6, 16, 24, 36, 44, 56, 60, 76, 92, 96, 100, 140, 180, 220, 260, 300, 340, 380, 384, 424, 426, 428, 429, 430, 448);
        (OaoHeaderLayout.Signature + OaoHeaderLayout.SignatureLength).Should().Be(OaoFrame.HeaderLength);
        (OaoHeaderLayout.Unused + OaoHeaderLayout.UnusedLength).Should().Be(OaoHeaderLayout.Signature);
        OaoHeaderLayout.BestTableLength.Should().Be(40);
    }
}
