namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>Offsets of the fields of the 512-byte header frame (§7), from the start of the frame.</summary>
internal static class OaoHeaderLayout
{
    /// <summary>Device identifier, u16.</summary>
    public const int Identifier = 4;

    /// <summary>Nickname, ASCII padded with NULs, <see cref="NicknameLength"/> bytes.</summary>
    public const int Nickname = 6;

    /// <summary>Length of the nickname field.</summary>
    public const int NicknameLength = 10;

    /// <summary>Start date, u64 ms since the epoch.</summary>
    public const int StartDate = 16;

    /// <summary>Start latitude, longitude and altitude, three i32.</summary>
    public const int StartPosition = 24;

    /// <summary>End date, u64 ms since the epoch.</summary>
    public const int EndDate = 36;

    /// <summary>End latitude, longitude and altitude, three i32.</summary>
    public const int EndPosition = 44;

    /// <summary>Distance, u32 millimetres.</summary>
    public const int Distance = 56;

    /// <summary>Minimum latitude, longitude, altitude (i32) and speed (u32).</summary>
    public const int Minimum = 60;

    /// <summary>Maximum latitude, longitude, altitude (i32) and speed (u32).</summary>
    public const int Maximum = 76;

    /// <summary>Mean speed while above 12 knots, u32 mm/s.</summary>
    public const int Above12KnotsMeanSpeed = 92;

    /// <summary>Seconds spent above 12 knots, u32.</summary>
    public const int Above12KnotsSeconds = 96;

    /// <summary>Bests over 1 s.</summary>
    public const int BestsOver1s = 100;

    /// <summary>Bests over 10 s.</summary>
    public const int BestsOver10s = 140;

    /// <summary>Bests over 1 h (the device's calculation is unknown).</summary>
    public const int BestsOver1h = 180;

    /// <summary>Bests over 500 m.</summary>
    public const int BestsOver500m = 220;

    /// <summary>Bests over 1000 m.</summary>
    public const int BestsOver1000m = 260;

    /// <summary>Bests over 1852 m (a nautical mile).</summary>
    public const int BestsOver1852m = 300;

    /// <summary>Gybe minimum table (meaning unknown).</summary>
    public const int GybeMinimum = 340;

    /// <summary>Elevation gain, u32 (probably mm).</summary>
    public const int ElevationGain = 380;

    /// <summary>Bests over 2 s (newer firmware).</summary>
    public const int BestsOver2s = 384;

    /// <summary>Firmware, u16.</summary>
    public const int Firmware = 424;

    /// <summary>Time zone, i16 minutes east of UTC.</summary>
    public const int Timezone = 426;

    /// <summary>GNSS rate, u8 Hz.</summary>
    public const int Frequency = 428;

    /// <summary>One log per day, u8 0 or 1.</summary>
    public const int OneLogPerDay = 429;

    /// <summary>Unused area, zero in every sample, <see cref="UnusedLength"/> bytes.</summary>
    public const int Unused = 430;

    /// <summary>Length of the unused area.</summary>
    public const int UnusedLength = 18;

    /// <summary>Signature (purpose unknown), <see cref="SignatureLength"/> bytes.</summary>
    public const int Signature = 448;

    /// <summary>Length of the signature.</summary>
    public const int SignatureLength = 64;

    /// <summary>Entries in each best table.</summary>
    public const int BestEntries = 5;

    /// <summary>Length of one best entry: utc_seconds (u32) then value (u32).</summary>
    public const int BestEntryLength = 8;

    /// <summary>Length of one best table.</summary>
    public const int BestTableLength = BestEntries * BestEntryLength;
}
