using System.Buffers.Binary;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoTrackFrameTests
{
    [Fact]
    public void WriteTo_Frame_Is12BytesWithModeChecksumAndPosition()
    {
        var bytes = new byte[OaoFrame.TrackLength];

        new OaoTrackFrame(505_852_319, -24_703_334).WriteTo(bytes);

        OaoFrame.ReadMode(bytes).Should().Be((ushort)OaoFrameMode.Track);
        OaoChecksum.IsValid(bytes).Should().BeTrue();
        BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)).Should().Be(505_852_319);
        BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)).Should().Be(-24_703_334);
    }

    [Fact]
    public void Read_WrittenFrame_RoundTrips()
    {
        var frame = new OaoTrackFrame(-1, int.MaxValue);
        var bytes = new byte[OaoFrame.TrackLength];
        frame.WriteTo(bytes);

        OaoTrackFrame.Read(bytes).Should().Be(frame);
    }
}
