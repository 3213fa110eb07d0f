using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoReaderTests
{
    private static readonly OaoReaderOptions RejectBadChecksums = new() { ChecksumPolicy = OaoChecksumPolicy.Reject };

    [Fact]
    public void Read_SampleFramesAfterHeader_DecodesBothFrames()
    {
        var header = new byte[512];
        OaoTestVectors.SampleHeader.WriteTo(header);
        var content = OaoTestVectors.Concat(header, OaoTestVectors.FirstFrame, OaoTestVectors.FirstAlignedFrame);

        var result = OaoReader.Read(content);

        result.Anomalies.Should().BeEmpty();
        result.Header!.Identifier.Should().Be(470);
        result.Header.Nickname.Should().Be("K888");
        result.Frames.Should().HaveCount(2);
        result.Frames[0].Should().Be(OaoTestVectors.FirstFrameDecoded);
        result.Frames[1].Utc.Should().Be(1_663_676_977_000);
    }

    [Fact]
    public void Read_CleanFile_GivesEveryFrameAndNoAnomaly()
    {
        var content = OaoTestVectors.File(100, out var frames);

        var result = OaoReader.Read(content, RejectBadChecksums);

        result.Frames.Should().Equal(frames);
        result.Headers.Should().ContainSingle();
        result.Anomalies.Should().BeEmpty();
        result.Length.Should().Be(content.Length);
        result.IsTruncated.Should().BeFalse();
    }

    [Fact]
    public void Read_EmptyLog_GivesHeaderAndNoFrames()
    {
        var content = OaoTestVectors.File(0, out _);

        var result = OaoReader.Read(content);

        content.Should().HaveCount(512);
        result.Header.Should().NotBeNull();
        result.Frames.Should().BeEmpty();
        result.Anomalies.Should().BeEmpty();
    }

    [Fact]
    public void Read_NoBytes_GivesNothing()
    {
        var result = OaoReader.Read([]);

        result.Header.Should().BeNull();
        result.Frames.Should().BeEmpty();
        result.Anomalies.Should().BeEmpty();
    }

    [Fact]
    public void Read_FramesWithoutHeader_GivesFramesAndNullHeader()
    {
        var frames = OaoTestVectors.Frames(5);

        var result = OaoReader.Read(OaoWriter.Write(null, frames));

        result.Header.Should().BeNull();
        result.Frames.Should().Equal(frames);
    }

    [Fact]
    public void Read_CutAtRandomLengths_ReportsTruncationAndKeepsWholeFrames()
    {
        var content = OaoTestVectors.File(40, out var frames);
        var random = new Random(7);

        for (int attempt = 0; attempt < 300; attempt++)
        {
            int length = random.Next(0, content.Length);
            var result = OaoReader.Read(content.AsSpan(0, length));

            int whole = length < 512 ? 0 : (length - 512) / 52;
            int boundary = length < 512 ? 0 : 512 + (whole * 52);
            result.Frames.Should().Equal(frames.Take(whole), "the file was cut at {0}", length);
            if (length == boundary)
            {
                result.Anomalies.Should().BeEmpty("the file was cut at {0}", length);
            }
            else
            {
                result.Anomalies.Should().ContainSingle("the file was cut at {0}", length)
                    .Which.Should().Be(new OaoAnomaly(
                        OaoAnomalyKind.Truncated, boundary, length - boundary, (ushort)(length - boundary >= 2 ? content[boundary] | (content[boundary + 1] << 8) : 0)));
                result.IsTruncated.Should().BeTrue();
            }
        }
    }

    [Fact]
    public void Read_FlippedPayloadByteAndSkipPolicy_SkipsThatFrameOnly()
    {
        var content = OaoTestVectors.File(20, out var frames);
        int offset = 512 + (7 * 52);
        content[offset + 20] ^= 0x40;

        var result = OaoReader.Read(content);

        result.Frames.Should().Equal(frames.Where((_, index) => index != 7));
        result.Anomalies.Should().Equal(new OaoAnomaly(OaoAnomalyKind.BadChecksum, offset, 52, (ushort)frames[7].Mode));
        result.BadChecksumCount.Should().Be(1);
    }

    [Fact]
    public void Read_FlippedByteAndRejectPolicy_ThrowsWithTheFrameOffset()
    {
        var content = OaoTestVectors.File(20, out _);
        int offset = 512 + (7 * 52);
        content[offset + 20] ^= 0x40;

        var act = () => OaoReader.Read(content, RejectBadChecksums);

        act.Should().Throw<OaoFormatException>().Where(exception => exception.Offset == offset)
            .WithMessage($"*checksum*offset {offset}*");
    }

    [Fact]
    public void Read_FlippedByteAndIgnorePolicy_KeepsTheDamagedFrame()
    {
        var content = OaoTestVectors.File(20, out var frames);
        content[512 + (7 * 52) + 16] ^= 0x01;

        var result = OaoReader.Read(content, new OaoReaderOptions { ChecksumPolicy = OaoChecksumPolicy.Ignore });

        result.Anomalies.Should().BeEmpty();
        result.Frames[7].Speed.Should().Be(frames[7].Speed ^ 1);
    }

    [Fact]
    public void Read_AnyOneByteFlipped_LosesAtMostTheFrameHoldingIt()
    {
        var content = OaoTestVectors.File(12, out var frames);

        for (int offset = 0; offset < content.Length; offset++)
        {
            foreach (byte mask in new byte[] { 0x01, 0x04, 0xFF })
            {
                var damaged = (byte[])content.Clone();
                damaged[offset] ^= mask;

                var result = OaoReader.Read(damaged);

                int damagedFrame = offset < 512 ? -1 : (offset - 512) / 52;
                result.Frames.Should().Equal(frames.Where((_, index) => index != damagedFrame), "byte {0} was xor-ed with {1}", offset, mask);
                result.Headers.Should().HaveCount(damagedFrame < 0 ? 0 : 1);
                result.Anomalies.Should().ContainSingle().Which.ByteCount.Should().Be(damagedFrame < 0 ? 512 : 52);
            }
        }
    }

    [Fact]
    public void Read_ModeDamagedIntoHeaderMode_ResynchronisesOnTheNextFrame()
    {
        var content = OaoTestVectors.File(30, out var frames);
        int offset = 512 + (3 * 52);
        content[offset] = 0xD0;

        var result = OaoReader.Read(content);

        result.Frames.Should().Equal(frames.Where((_, index) => index != 3));
        result.Anomalies.Should().Equal(new OaoAnomaly(OaoAnomalyKind.BadChecksum, offset, 52, 0x0AD0));
    }

    [Fact]
    public void Read_EndMarkerTail_StopsCleanlyAndCountsTwoBytes()
    {
        var content = OaoTestVectors.Concat(OaoTestVectors.File(10, out var frames), [0x5D, 0x7D]);

        var result = OaoReader.Read(content, RejectBadChecksums);

        result.Frames.Should().Equal(frames);
        result.Anomalies.Should().Equal(new OaoAnomaly(OaoAnomalyKind.TrailingBytes, content.Length - 2, 2, 0x7D5D));
        result.TrailingByteCount.Should().Be(2);
        result.IsTruncated.Should().BeFalse();
    }

    [Fact]
    public void Read_EndMarkerBeforeMoreBytes_IgnoresEverythingAfterIt()
    {
        var file = OaoTestVectors.File(10, out var frames);
        var content = OaoTestVectors.Concat(file.AsSpan(0, 512 + (4 * 52)).ToArray(), [0x5D, 0x7D], file.AsSpan(512 + (4 * 52)).ToArray());

        var result = OaoReader.Read(content);

        result.Frames.Should().Equal(frames.Take(4));
        result.TrailingByteCount.Should().Be(2 + (6 * 52));
    }

    [Fact]
    public void Read_JunkBetweenFrames_ResynchronisesAndCountsSkippedBytes()
    {
        var file = OaoTestVectors.File(10, out var frames);
        int cut = 512 + (4 * 52);
        var junk = new byte[] { 0x01, 0x02, 0x0A, 0xD4, 0x0A, 0xFF, 0x00 };
        var content = OaoTestVectors.Concat(file[..cut], junk, file[cut..]);

        var result = OaoReader.Read(content);

        result.Frames.Should().Equal(frames);
        result.Anomalies.Should().Equal(new OaoAnomaly(OaoAnomalyKind.Resynchronised, cut, junk.Length, 0x0201));
        result.ResynchronisedByteCount.Should().Be(7);
    }

    [Fact]
    public void Read_JunkAtTheEnd_SkipsItToTheEnd()
    {
        var content = OaoTestVectors.Concat(OaoTestVectors.File(3, out var frames), [0x33, 0x44, 0x55, 0x66, 0x77]);

        var result = OaoReader.Read(content);

        result.Frames.Should().Equal(frames);
        result.Anomalies.Should().Equal(new OaoAnomaly(OaoAnomalyKind.Resynchronised, content.Length - 5, 5, 0x4433));
    }

    [Fact]
    public void Read_UnknownModeAndRejectPolicy_ThrowsWithTheOffset()
    {
        var file = OaoTestVectors.File(10, out _);
        var content = OaoTestVectors.Concat(file[..564], [0x99, 0x99], file[564..]);

        var act = () => OaoReader.Read(content, new OaoReaderOptions { UnknownModePolicy = OaoUnknownModePolicy.Reject });

        act.Should().Throw<OaoFormatException>().Where(exception => exception.Offset == 564).WithMessage("*0x9999*564*");
    }

    [Fact]
    public void Read_ExtraHeadersInTheMiddle_KeepsThemAndEveryFrame()
    {
        var file = OaoTestVectors.File(10, out var frames);
        var extra = new byte[1024];
        new OaoHeader { Identifier = 817 }.WriteTo(extra);
        new OaoHeader { Identifier = 818, StartDate = 5 }.WriteTo(extra.AsSpan(512));
        var content = OaoTestVectors.Concat(file[..720], extra, file[720..]);

        var result = OaoReader.Read(content, RejectBadChecksums);

        result.Frames.Should().Equal(frames);
        result.Headers.Select(header => header.Identifier).Should().Equal(817, 817, 818);
        result.Header.Should().BeSameAs(result.Headers[0]);
        result.Anomalies.Should().BeEmpty();
    }

    [Fact]
    public void Read_EmptyHeaderFirst_UsesTheFirstHeaderWithASummary()
    {
        var empty = new byte[512];
        new OaoHeader { Identifier = 987 }.WriteTo(empty);
        var content = OaoTestVectors.Concat(empty, OaoTestVectors.File(3, out _));

        var result = OaoReader.Read(content);

        result.Headers.Should().HaveCount(2);
        result.Header.Should().BeSameAs(result.Headers[1]);
    }

    [Fact]
    public void Read_OnlyAnEmptyHeader_StillGivesItForItsIdentifier()
    {
        var empty = new byte[512];
        new OaoHeader { Identifier = 987 }.WriteTo(empty);

        var result = OaoReader.Read(empty);

        result.Header!.Identifier.Should().Be(987);
        result.Header.HasSummary.Should().BeFalse();
    }

    [Fact]
    public void Read_OtherKnownFrames_AreSkippedAndCounted()
    {
        var track = new byte[12];
        new OaoTrackFrame(1, 2).WriteTo(track);
        var emergency = new byte[34];
        new OaoEmergencyFrame(1, 2, 3, 4, 5, 6, 7).WriteTo(emergency);
        var poi = new byte[34];
        new OaoPoiFrame(1, 2, 3, 4, 5, 6, 3, 12).WriteTo(poi);
        var imu = new byte[32];
        new OaoImuFrame { Utc = 6 }.WriteTo(imu);
        var content = OaoTestVectors.Concat(OaoTestVectors.FirstFrame, track, emergency, poi, imu, OaoTestVectors.FirstAlignedFrame);

        var result = OaoReader.Read(content, RejectBadChecksums);

        result.Frames.Should().HaveCount(2);
        result.OtherFrameCount.Should().Be(4);
        result.Anomalies.Should().BeEmpty();
    }

    [Fact]
    public void Read_OneStrayByte_IsReportedAsTruncation()
    {
        var result = OaoReader.Read(OaoTestVectors.Concat(OaoTestVectors.FirstFrame, [0xD4]));

        result.Frames.Should().ContainSingle();
        result.Anomalies.Should().Equal(new OaoAnomaly(OaoAnomalyKind.Truncated, 52, 1, 0));
    }

    [Fact]
    public void Read_SeekableStream_GivesTheSameAsBytes()
    {
        var content = OaoTestVectors.File(25, out var frames);
        using var stream = new MemoryStream(content);

        var result = OaoReader.Read(stream);

        result.Frames.Should().Equal(frames);
        result.Length.Should().Be(content.Length);
    }

    [Fact]
    public async Task ReadAsync_UnseekableStream_GivesTheSameAsBytes()
    {
        var content = OaoTestVectors.File(25, out var frames);
        await using var stream = new UnseekableStream(content);

        var result = await OaoReader.ReadAsync(stream);

        result.Frames.Should().Equal(frames);
        result.Headers.Should().ContainSingle();
    }

    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
