using System.Buffers.Binary;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoPoiFrameTests
{
    private static readonly OaoPoiFrame Sample = new(505_852_319, -24_703_334, 1_041, 914, 20_087_595, 1_663_676_976_200, 3, 16);

    [Fact]
    public void WriteTo_Frame_SharesTheGnssPrefixThenFixAndSatellites()
    {
        var bytes = new byte[OaoFrame.PoiLength];

        Sample.WriteTo(bytes);

        OaoFrame.ReadMode(bytes).Should().Be((ushort)OaoFrameMode.Poi);
        OaoChecksum.IsValid(bytes).Should().BeTrue();
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(20)).Should().Be(20_087_595);
        bytes[32].Should().Be(3);
        bytes[33].Should().Be(16);
    }

    [Fact]
    public void Read_SampleGnssFramePrefix_GivesTheSameFields()
    {
        var poi = OaoPoiFrame.Read(OaoTestVectors.FirstFrame);

        poi.Should().Be(Sample, "frames 1, 2 and 3 are shortened GNSS frames");
    }
}
