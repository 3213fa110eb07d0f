using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoFrameTests
{
    [Theory]
    [InlineData(0x0AD0, 512)]
    [InlineData(0x0AD1, 12)]
    [InlineData(0x0AD2, 34)]
    [InlineData(0x0AD3, 34)]
    [InlineData(0x0AD4, 52)]
    [InlineData(0x0AD5, 52)]
    [InlineData(0x0AD6, 32)]
    public void GetLength_KnownMode_GivesCatalogueLength(int mode, int length)
    {
        OaoFrame.GetLength((ushort)mode).Should().Be(length);
        OaoFrame.GetLength((OaoFrameMode)mode).Should().Be(length);
        OaoFrame.IsKnown((ushort)mode).Should().BeTrue();
    }

    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x0ACF)]
    [InlineData(0x0AD7)]
    [InlineData(0xD40A)]
    [InlineData(0x7D5D)]
    public void GetLength_UnknownModeOrEndMarker_IsZero(int mode)
    {
        OaoFrame.GetLength((ushort)mode).Should().Be(0);
        OaoFrame.IsKnown((ushort)mode).Should().BeFalse();
    }

    [Fact]
    public void ReadMode_SampleFrame_IsLittleEndian()
    {
        OaoFrame.ReadMode(OaoTestVectors.FirstFrame).Should().Be(0x0AD5);
        OaoFrame.ReadMode(new byte[] { 0x5D, 0x7D }).Should().Be((ushort)OaoFrameMode.EndMarker);
    }

    [Theory]
    [InlineData(1_663_676_977_000, OaoFrameMode.GnssAligned)]
    [InlineData(1_663_676_976_200, OaoFrameMode.GnssUnaligned)]
    [InlineData(1_663_676_976_999, OaoFrameMode.GnssUnaligned)]
    public void GnssModeFor_Utc_IsAlignedOnlyOnWholeSeconds(long utc, object expected)
    {
        OaoFrame.GnssModeFor(utc).Should().Be((OaoFrameMode)expected);
    }
}
