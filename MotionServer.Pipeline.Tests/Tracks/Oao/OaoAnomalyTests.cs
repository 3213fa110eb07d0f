using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoAnomalyTests
{
    [Theory]
    [InlineData(OaoAnomalyKind.TrailingBytes, 0x7D5D, "end marker at offset 1084 (2 bytes ignored)")]
    [InlineData(OaoAnomalyKind.BadChecksum, 0x0AD4, "bad checksum in frame 0x0AD4 at offset 1084 (2 bytes skipped)")]
    [InlineData(OaoAnomalyKind.Resynchronised, 0x1234, "no valid frame at offset 1084 (mode 0x1234): 2 bytes skipped")]
    [InlineData(OaoAnomalyKind.Truncated, 0x0AD5, "truncated at offset 1084: 2 bytes of an incomplete frame")]
    public void ToString_EachKind_SaysWhatAndWhere(object kind, int mode, string expected)
    {
        new OaoAnomaly((OaoAnomalyKind)kind, 1084, 2, (ushort)mode).ToString().Should().Be(expected);
    }
}
