using System.Buffers.Binary;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoGnssFrameTests
{
    [Fact]
    public void Read_FirstFrameOfSample_DecodesEveryField()
    {
        var frame = OaoGnssFrame.Read(OaoTestVectors.FirstFrame);

        frame.Should().Be(OaoTestVectors.FirstFrameDecoded);
        frame.LatitudeDegrees.Should().BeApproximately(50.5852319, 1e-9);
        frame.LongitudeDegrees.Should().BeApproximately(-2.4703334, 1e-9);
        frame.HeadingDegrees.Should().BeApproximately(200.87595, 1e-9);
        frame.Mode.Should().Be(OaoFrameMode.GnssUnaligned);
    }

    [Fact]
    public void Read_FirstAlignedFrameOfSample_HasWholeSecondUtc()
    {
        var frame = OaoGnssFrame.Read(OaoTestVectors.FirstAlignedFrame);

        frame.Utc.Should().Be(1_663_676_977_000);
        frame.Mode.Should().Be(OaoFrameMode.GnssAligned);
        frame.Fix.Should().Be(3);
        frame.Satellites.Should().Be(16);
        frame.Dop.Should().Be(80);
    }

    [Fact]
    public void WriteTo_SampleFramesDecoded_ReproducesTheBytes()
    {
        foreach (var original in new[] { OaoTestVectors.FirstFrame, OaoTestVectors.FirstAlignedFrame })
        {
            var written = new byte[OaoFrame.GnssLength];

            OaoGnssFrame.Read(original).WriteTo(written);

            written.Should().Equal(original);
        }
    }

    [Fact]
    public void WriteTo_Fields_LandAtTheirOffsets()
    {
        var written = new byte[OaoFrame.GnssLength];

        OaoTestVectors.FirstFrameDecoded.WriteTo(written);

        BinaryPrimitives.ReadInt32LittleEndian(written.AsSpan(4)).Should().Be(505_852_319);
        BinaryPrimitives.ReadInt32LittleEndian(written.AsSpan(8)).Should().Be(-24_703_334);
        BinaryPrimitives.ReadUInt32LittleEndian(written.AsSpan(16)).Should().Be(914);
        BinaryPrimitives.ReadUInt64LittleEndian(written.AsSpan(24)).Should().Be(1_663_676_976_200);
        BinaryPrimitives.ReadUInt32LittleEndian(written.AsSpan(34)).Should().Be(289, "speed accuracy sits at the unaligned offset 34");
        BinaryPrimitives.ReadUInt16LittleEndian(written.AsSpan(50)).Should().Be(80);
    }

    [Fact]
    public void WriteTo_DestinationTooShort_Throws()
    {
        var act = () => OaoTestVectors.FirstFrameDecoded.WriteTo(new byte[51]);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Read_FrameTooShort_Throws()
    {
        var act = () => OaoGnssFrame.Read(OaoTestVectors.FirstFrame.AsSpan(0, 51));

        act.Should().Throw<ArgumentException>();
    }
}
