using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

/// <summary>The test vectors of §12 (sample 0470_2022-09-20-1229.oao) and small helpers to build files.</summary>
internal static class OaoTestVectors
{
    /// <summary>The first frame after the header (offset 512), mode 0x0AD5, as §12 prints it.</summary>
    public static byte[] FirstFrame => Hex(
        "D5 0A B7 07 9F B1 26 1E 9A 0E 87 FE 11 04 00 00 92 03 00 00 2B 83 32 01 48 0C E0 5A 83 01 00 00 03 10 21 01 "
        + "00 00 04 05 00 00 B1 06 00 00 0D 06 22 00 50 00");

    /// <summary>The first 0x0AD4 frame (offset 720), as §12 prints it.</summary>
    public static byte[] FirstAlignedFrame => Hex(
        "D4 0A 4A 97 37 B1 26 1E 66 0E 87 FE 7E 03 00 00 78 06 00 00 EF C3 2C 01 68 0F E0 5A 83 01 00 00 03 10 3C 01 "
        + "00 00 17 05 00 00 BE 06 00 00 40 65 0F 00 50 00");

    /// <summary>The decoded <see cref="FirstFrame"/>.</summary>
    public static OaoGnssFrame FirstFrameDecoded => new()
    {
        Latitude = 505_852_319,
        Longitude = -24_703_334,
        Altitude = 1_041,
        Speed = 914,
        Heading = 20_087_595,
        Utc = 1_663_676_976_200,
        Fix = 3,
        Satellites = 16,
        SpeedAccuracy = 289,
        HorizontalAccuracy = 1_284,
        VerticalAccuracy = 1_713,
        HeadingAccuracy = 2_229_773,
        Dop = 80,
    };

    /// <summary>A header with the §12 values (the fields §12 does not give are zero).</summary>
    public static OaoHeader SampleHeader => new()
    {
        Identifier = 470,
        Nickname = "K888",
        StartDate = 1_663_676_976_000,
        EndDate = 1_663_683_228_000,
        Distance = 7_445_901,
        BestsOver2s = [new OaoBest(1_663_681_686, 1_916)],
        BestsOver10s = [new OaoBest(0, 1_857)],
        BestsOver500m = [new OaoBest(0, 1_681)],
        Firmware = 3129,
        FrequencyHz = 5,
        TimezoneMinutes = 0,
    };

    /// <summary>Frames at 5 Hz from a whole second, with varying speeds.</summary>
    public static OaoGnssFrame[] Frames(int count, long firstUtc = 1_700_000_000_200, int seed = 1)
    {
        var random = new Random(seed);
        var frames = new OaoGnssFrame[count];
        for (int i = 0; i < count; i++)
        {
            frames[i] = new OaoGnssFrame
            {
                Latitude = 505_852_319 + (i * 37),
                Longitude = -24_703_334 - (i * 11),
                Altitude = random.Next(-3000, 3000),
                Speed = (uint)random.Next(0, 12_000),
                Heading = (uint)random.Next(0, 36_000_000),
                Utc = firstUtc + (i * 200L),
                Fix = 3,
                Satellites = (byte)random.Next(10, 21),
                SpeedAccuracy = (uint)random.Next(100, 300),
                HorizontalAccuracy = (uint)random.Next(500, 2000),
                VerticalAccuracy = (uint)random.Next(700, 3000),
                HeadingAccuracy = (uint)random.Next(0, 18_000_000),
                Dop = (ushort)random.Next(60, 120),
            };
        }

        return frames;
    }

    /// <summary>A file: the header then the frames.</summary>
    public static byte[] File(int frameCount, out OaoGnssFrame[] frames, int seed = 1)
    {
        frames = Frames(frameCount, seed: seed);
        var header = OaoSummaryCalculator.Calculate(frames, 5).ApplyTo(new OaoHeader { Identifier = 817, Nickname = "Test", FrequencyHz = 5 });
        return OaoWriter.Write(header, frames);
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();

    public static byte[] Hex(string spaced) => Convert.FromHexString(spaced.Replace(" ", "", StringComparison.Ordinal));
}
