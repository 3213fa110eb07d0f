using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoWriterTests
{
    [Theory]
    [InlineData(true, 0, 512)]
    [InlineData(true, 3, 668)]
    [InlineData(false, 3, 156)]
    public void GetLength_HeaderAndFrames_Is512Plus52PerFrame(bool hasHeader, int frames, int expected)
    {
        OaoWriter.GetLength(hasHeader, frames).Should().Be(expected);
    }

    [Fact]
    public void Write_HeaderAndFrames_PutsHeaderFirstThenFramesBackToBack()
    {
        var frames = OaoTestVectors.Frames(12);

        var bytes = OaoWriter.Write(OaoTestVectors.SampleHeader, frames);

        bytes.Should().HaveCount(512 + (12 * 52));
        OaoFrame.ReadMode(bytes).Should().Be((ushort)OaoFrameMode.Header);
        for (int i = 0; i < frames.Length; i++)
        {
            var frame = bytes.AsSpan(512 + (i * 52), 52);
            OaoChecksum.IsValid(frame).Should().BeTrue();
            OaoGnssFrame.Read(frame).Should().Be(frames[i]);
        }
    }

    [Fact]
    public void Write_FramesAt5Hz_MarksOneInFiveAligned()
    {
        var frames = OaoTestVectors.Frames(10, firstUtc: 1_700_000_000_200);

        var bytes = OaoWriter.Write(null, frames);

        var modes = Enumerable.Range(0, 10).Select(i => OaoFrame.ReadMode(bytes.AsSpan(i * 52))).ToArray();
        modes.Should().Equal(0x0AD5, 0x0AD5, 0x0AD5, 0x0AD5, 0x0AD4, 0x0AD5, 0x0AD5, 0x0AD5, 0x0AD5, 0x0AD4);
    }

    [Fact]
    public void Write_SampleFramesDecoded_ReproducesThem()
    {
        var frames = new[] { OaoGnssFrame.Read(OaoTestVectors.FirstFrame), OaoGnssFrame.Read(OaoTestVectors.FirstAlignedFrame) };

        var bytes = OaoWriter.Write(null, (IReadOnlyList<OaoGnssFrame>)frames.ToList());

        bytes.Should().Equal(OaoTestVectors.Concat(OaoTestVectors.FirstFrame, OaoTestVectors.FirstAlignedFrame));
    }

    [Fact]
    public void Write_WhatTheReaderFound_GivesTheSameBytes()
    {
        var content = OaoTestVectors.File(250, out _);
        var read = OaoReader.Read(content);

        OaoWriter.Write(read.Header, read.Frames).Should().Equal(content);
    }

    [Fact]
    public void Write_DestinationTooSmall_Throws()
    {
        var act = () => OaoWriter.Write(OaoTestVectors.SampleHeader, OaoTestVectors.Frames(2), new byte[615]);

        act.Should().Throw<ArgumentException>();
    }
}
