using System.Buffers.Binary;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoEmergencyFrameTests
{
    private static readonly OaoEmergencyFrame Sample = new(505_852_319, -24_703_334, 1_041, 914, 20_087_595, 1_663_676_976_200, 0xBEEF);

    [Fact]
    public void WriteTo_Frame_SharesTheGnssPrefixThenIdentifierAt32()
    {
        var bytes = new byte[OaoFrame.EmergencyLength];

        Sample.WriteTo(bytes);

        OaoFrame.ReadMode(bytes).Should().Be((ushort)OaoFrameMode.Emergency);
        OaoChecksum.IsValid(bytes).Should().BeTrue();
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)).Should().Be(914);
        BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(24)).Should().Be(1_663_676_976_200);
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(32)).Should().Be(0xBEEF);
    }

    [Fact]
    public void Read_WrittenFrame_RoundTrips()
    {
        var bytes = new byte[OaoFrame.EmergencyLength];
        Sample.WriteTo(bytes);

        OaoEmergencyFrame.Read(bytes).Should().Be(Sample);
    }
}
