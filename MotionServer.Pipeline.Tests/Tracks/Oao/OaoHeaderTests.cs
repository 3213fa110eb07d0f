using System.Buffers.Binary;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoHeaderTests
{
    [Fact]
    public void WriteTo_SampleValues_BeginLikeTheSampleFile()
    {
        var bytes = Write(OaoTestVectors.SampleHeader);

        // §12: "D0 0A F9 AA D6 01 4B 38 38 38 00": mode, checksum (ours differs: the sample's other fields are not given).
        bytes.AsSpan(0, 2).ToArray().Should().Equal(0xD0, 0x0A);
        bytes.AsSpan(4, 7).ToArray().Should().Equal(0xD6, 0x01, 0x4B, 0x38, 0x38, 0x38, 0x00);
        OaoChecksum.IsValid(bytes).Should().BeTrue();
    }

    [Fact]
    public void WriteTo_SampleValues_LandAtTheSpecOffsets()
    {
        var bytes = Write(OaoTestVectors.SampleHeader);

        BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16)).Should().Be(1_663_676_976_000);
        BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(36)).Should().Be(1_663_683_228_000);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(56)).Should().Be(7_445_901);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(384)).Should().Be(1_663_681_686, "2 s best utc_seconds");
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(388)).Should().Be(1_916, "2 s best value");
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(144)).Should().Be(1_857, "10 s best value");
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(224)).Should().Be(1_681, "500 m best value");
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(424)).Should().Be(3129);
        BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(426)).Should().Be(0);
        bytes[428].Should().Be(5);
        bytes[429].Should().Be(0);
    }

    [Fact]
    public void WriteTo_OfficialExample_BeginsD00AThen9405AndJulien()
    {
        var bytes = Write(new OaoHeader { Identifier = 1428, Nickname = "Julien" });

        bytes.AsSpan(4, 12).ToArray().Should().Equal(
            OaoTestVectors.Hex("94 05 4A 75 6C 69 65 6E 00 00 00 00"));
    }

    [Fact]
    public void WriteTo_EveryField_LandsAtItsOffset()
    {
        var header = FullHeader();

        var bytes = Write(header);

        BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24)).Should().Be(header.StartPosition.Latitude);
        BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(32)).Should().Be(header.StartPosition.Altitude);
        BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(48)).Should().Be(header.EndPosition.Longitude);
        BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(68)).Should().Be(header.Minimum.Altitude);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(88)).Should().Be(header.Maximum.Speed);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(92)).Should().Be(header.Above12KnotsMeanSpeed);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(96)).Should().Be(header.Above12KnotsSeconds);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(100 + 8 + 4)).Should().Be(header.BestsOver1s[1].Value);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(180)).Should().Be(header.BestsOver1h[0].UtcSeconds);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(260 + 4)).Should().Be(header.BestsOver1000m[0].Value);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(300 + 32 + 4)).Should().Be(header.BestsOver1852m[4].Value);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(340)).Should().Be(header.GybeMinimum[0].UtcSeconds);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(380)).Should().Be(header.ElevationGain);
        BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(426)).Should().Be(-120);
        bytes[429].Should().Be(1);
        bytes.AsSpan(430, 18).ToArray().Should().OnlyContain(value => value == 0);
        bytes.AsSpan(448, 64).ToArray().Should().Equal(header.Signature.ToArray());
    }

    [Fact]
    public void Read_WrittenHeader_RoundTripsEveryField()
    {
        var header = FullHeader();

        var read = OaoHeader.Read(Write(header));

        read.Should().Be(header);
        read.Signature.ToArray().Should().Equal(header.Signature.ToArray());
    }

    [Fact]
    public void Equals_SameValuesInOtherListsAndZeroSignature_IsTrue()
    {
        var header = FullHeader() with { Signature = ReadOnlyMemory<byte>.Empty };

        var copy = header with { BestsOver2s = header.BestsOver2s.ToList(), Signature = new byte[64] };

        copy.Should().Be(header);
        (copy == header).Should().BeTrue();
        copy.GetHashCode().Should().Be(header.GetHashCode());
    }

    [Fact]
    public void Equals_OneBestEntryDiffers_IsFalse()
    {
        var header = FullHeader();
        var table = header.BestsOver500m.ToArray();
        table[4] = table[4] with { Value = table[4].Value + 1 };

        (header with { BestsOver500m = table }).Should().NotBe(header);
        (header with { Signature = new byte[64] }).Should().NotBe(header);
    }

    [Fact]
    public void Read_PartlyFilledTable_DropsTheTrailingEmptyEntries()
    {
        var read = OaoHeader.Read(Write(OaoTestVectors.SampleHeader));

        read.BestsOver2s.Should().Equal(new OaoBest(1_663_681_686, 1_916));
        read.BestsOver1h.Should().BeEmpty();
        read.Signature.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void HasSummary_EspHeaderWithIdentifierOnly_IsFalse()
    {
        var read = OaoHeader.Read(Write(new OaoHeader { Identifier = 987 }));

        read.Identifier.Should().Be(987);
        read.Nickname.Should().BeEmpty();
        read.HasSummary.Should().BeFalse();
        OaoTestVectors.SampleHeader.HasSummary.Should().BeTrue();
    }

    [Fact]
    public void Duration_SampleHeader_IsEndMinusStart()
    {
        OaoTestVectors.SampleHeader.Duration.Should().Be(6_252_000);
    }

    [Theory]
    [InlineData("ElevenChars")]
    [InlineData("Jérôme")]
    [InlineData("a\0b")]
    public void WriteTo_NicknameNotTenAsciiCharacters_Throws(string nickname)
    {
        var act = () => Write(new OaoHeader { Nickname = nickname });

        act.Should().Throw<InvalidOperationException>().WithMessage("*nickname*");
    }

    [Fact]
    public void WriteTo_SixBests_Throws()
    {
        var header = new OaoHeader { BestsOver10s = Enumerable.Repeat(new OaoBest(1, 1), 6).ToArray() };

        var act = () => Write(header);

        act.Should().Throw<InvalidOperationException>().WithMessage("*BestsOver10s*");
    }

    private static byte[] Write(OaoHeader header)
    {
        var bytes = new byte[OaoFrame.HeaderLength];
        header.WriteTo(bytes);
        return bytes;
    }

    private static OaoHeader FullHeader()
    {
        static OaoBest[] Table(uint seed) => Enumerable.Range(1, 5).Select(i => new OaoBest(seed + (uint)i, (seed * 10) + (uint)i)).ToArray();
        var signature = new byte[64];
        new Random(4).NextBytes(signature);
        return new OaoHeader
        {
            Identifier = 65535,
            Nickname = "TenLetters",
            StartDate = 1_663_676_976_000,
            StartPosition = new OaoPosition(505_852_319, -24_703_334, -1_041),
            EndDate = 1_663_683_228_000,
            EndPosition = new OaoPosition(505_852_000, -24_703_000, 2_000),
            Distance = uint.MaxValue,
            Minimum = new OaoExtremes(1, 2, -8_400, 4),
            Maximum = new OaoExtremes(5, 6, 6_100, 9_999),
            Above12KnotsMeanSpeed = 9_354,
            Above12KnotsSeconds = 2_413,
            BestsOver1s = Table(100),
            BestsOver2s = Table(200),
            BestsOver10s = Table(300),
            BestsOver1h = Table(400),
            BestsOver500m = Table(500),
            BestsOver1000m = Table(600),
            BestsOver1852m = Table(700),
            GybeMinimum = Table(800),
            ElevationGain = 46_827,
            Firmware = 3068,
            TimezoneMinutes = -120,
            FrequencyHz = 10,
            OneLogPerDay = true,
            Signature = signature,
        };
    }
}
