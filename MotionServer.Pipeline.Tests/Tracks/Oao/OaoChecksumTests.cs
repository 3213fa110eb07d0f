using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoChecksumTests
{
    [Fact]
    public void Compute_FirstFrameOfSample_GivesB707()
    {
        ushort checksum = OaoChecksum.Compute(OaoTestVectors.FirstFrame);

        ((byte)checksum).Should().Be(0xB7);
        ((byte)(checksum >> 8)).Should().Be(0x07);
    }

    [Fact]
    public void Compute_FirstAlignedFrameOfSample_Gives4A97()
    {
        ushort checksum = OaoChecksum.Compute(OaoTestVectors.FirstAlignedFrame);

        checksum.Should().Be(0x974A, "bytes 2-3 read as one little-endian u16 are B << 8 | A");
    }

    [Fact]
    public void IsValid_SampleFrames_IsTrue()
    {
        OaoChecksum.IsValid(OaoTestVectors.FirstFrame).Should().BeTrue();
        OaoChecksum.IsValid(OaoTestVectors.FirstAlignedFrame).Should().BeTrue();
    }

    [Fact]
    public void Compute_AnyLength_EqualsTheRunningSumsByteByByte()
    {
        // Compute takes the running sums as two sums, 16 bytes at a time: the same, whatever the length and bytes.
        var random = new Random(16);
        for (int length = OaoFrame.PayloadOffset; length <= 3 * OaoFrame.HeaderLength; length++)
        {
            var frame = new byte[length];
            random.NextBytes(frame);

            OaoChecksum.Compute(frame).Should().Be(ReferenceFletcher(frame), $"a frame of {length} bytes");
        }
    }

    [Fact]
    public void Compute_ChecksumBytesChanged_GivesSameValue()
    {
        var frame = OaoTestVectors.FirstFrame;
        frame[2] = 0x00;
        frame[3] = 0xFF;

        OaoChecksum.Compute(frame).Should().Be(0x07B7);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(30)]
    [InlineData(51)]
    public void IsValid_OneCoveredByteChanged_IsFalse(int offset)
    {
        var frame = OaoTestVectors.FirstFrame;
        frame[offset] ^= 0x10;

        OaoChecksum.IsValid(frame).Should().BeFalse();
    }

    [Fact]
    public void Write_ZeroedChecksum_StoresAAtOffset2AndBAtOffset3()
    {
        var frame = OaoTestVectors.FirstAlignedFrame;
        frame[2] = 0;
        frame[3] = 0;

        OaoChecksum.Write(frame);

        frame[2].Should().Be(0x4A);
        frame[3].Should().Be(0x97);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(512)]
    [InlineData(100_000)]
    public void Compute_RandomBytes_EqualsByteByByteFletcher(int length)
    {
        var frame = new byte[length];
        new Random(length).NextBytes(frame);

        OaoChecksum.Compute(frame).Should().Be(ReferenceFletcher(frame));
    }

    [Fact]
    public void Compute_FewerThanFourBytes_Throws()
    {
        var act = () => OaoChecksum.Compute(new byte[3]);

        act.Should().Throw<ArgumentException>();
    }

    /// <summary>§3 in words: A += byte, B += A, both modulo 256, over bytes 0, 1, then 4 to the end.</summary>
    private static ushort ReferenceFletcher(byte[] frame)
    {
        byte a = 0;
        byte b = 0;
        for (int i = 0; i < frame.Length; i++)
        {
            if (i is 2 or 3)
            {
                continue;
            }

            a = unchecked((byte)(a + frame[i]));
            b = unchecked((byte)(b + a));
        }

        return (ushort)((b << 8) | a);
    }
}
