namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The header frame (§7), mode <see cref="OaoFrameMode.Header"/>, 512 bytes: the log's summary. Values keep the units
/// of the file (ms since the epoch, mm, mm/s). A header whose summary fields are all zero (ESP-GPS files) has
/// <see cref="HasSummary"/> false: derive the values from the frames instead (<see cref="OaoSummaryCalculator"/>).
/// </summary>
internal sealed partial record OaoHeader
{
    /// <summary>Device identifier (the <c>&lt;id&gt;</c> in <c>motion-&lt;id&gt;</c>).</summary>
    public ushort Identifier { get; init; }

    /// <summary>Nickname: ASCII, at most 10 characters.</summary>
    public string Nickname { get; init; } = "";

    /// <summary>Start of the log, ms since the epoch (devices put it one sample period before the first frame).</summary>
    public long StartDate { get; init; }

    /// <summary>Start position.</summary>
    public OaoPosition StartPosition { get; init; }

    /// <summary>End of the log, ms since the epoch.</summary>
    public long EndDate { get; init; }

    /// <summary>End position.</summary>
    public OaoPosition EndPosition { get; init; }

    /// <summary>Distance in millimetres.</summary>
    public uint Distance { get; init; }

    /// <summary>Minimum record (Motion files: altitude only).</summary>
    public OaoExtremes Minimum { get; init; }

    /// <summary>Maximum record (Motion files: altitude and speed only).</summary>
    public OaoExtremes Maximum { get; init; }

    /// <summary>Mean speed while above 12 knots, mm/s.</summary>
    public uint Above12KnotsMeanSpeed { get; init; }

    /// <summary>Seconds spent above 12 knots.</summary>
    public uint Above12KnotsSeconds { get; init; }

    /// <summary>Bests over 1 s, best first (at most 5).</summary>
    public IReadOnlyList<OaoBest> BestsOver1s { get; init; } = [];

    /// <summary>Bests over 2 s, best first (at most 5; newer firmware).</summary>
    public IReadOnlyList<OaoBest> BestsOver2s { get; init; } = [];

    /// <summary>Bests over 10 s, best first (at most 5).</summary>
    public IReadOnlyList<OaoBest> BestsOver10s { get; init; } = [];

    /// <summary>Bests over 1 h, best first (at most 5; the device's calculation is unknown).</summary>
    public IReadOnlyList<OaoBest> BestsOver1h { get; init; } = [];

    /// <summary>Bests over 500 m, best first (at most 5).</summary>
    public IReadOnlyList<OaoBest> BestsOver500m { get; init; } = [];

    /// <summary>Bests over 1000 m, best first (at most 5).</summary>
    public IReadOnlyList<OaoBest> BestsOver1000m { get; init; } = [];

    /// <summary>Bests over 1852 m, best first (at most 5).</summary>
    public IReadOnlyList<OaoBest> BestsOver1852m { get; init; } = [];

    /// <summary>The gybe minimum table, raw (meaning and unit unknown).</summary>
    public IReadOnlyList<OaoBest> GybeMinimum { get; init; } = [];

    /// <summary>Elevation gain (probably mm).</summary>
    public uint ElevationGain { get; init; }

    /// <summary>Firmware number, e.g. 3129 (0: not recorded).</summary>
    public ushort Firmware { get; init; }

    /// <summary>Time zone in minutes east of UTC.</summary>
    public short TimezoneMinutes { get; init; }

    /// <summary>GNSS rate in Hz (0: not recorded).</summary>
    public byte FrequencyHz { get; init; }

    /// <summary>Whether the device logs one file per day.</summary>
    public bool OneLogPerDay { get; init; }

    /// <summary>The 64-byte signature, raw (purpose unknown); empty means all zero.</summary>
    public ReadOnlyMemory<byte> Signature { get; init; }

    /// <summary>Duration in ms: <see cref="EndDate"/> − <see cref="StartDate"/>, as logs.json publishes it.</summary>
    public long Duration => EndDate - StartDate;

    /// <summary>The speed of the first entry of a best table, in mm/s (0 when the table is empty).</summary>
    /// <param name="table">One of this header's best tables.</param>
    public static long BestOf(IReadOnlyList<OaoBest> table) => table is { Count: > 0 } ? table[0].Value : 0;

    /// <summary>
    /// True when the summary is filled: any of the dates, the distance or the 1 s, 2 s, 10 s and 500 m bests is
    /// non-zero. ESP-GPS headers carry only the mode and the identifier.
    /// </summary>
    public bool HasSummary =>
        StartDate != 0 || EndDate != 0 || Distance != 0
        || BestsOver1s.Count > 0 || BestsOver2s.Count > 0 || BestsOver10s.Count > 0 || BestsOver500m.Count > 0;
}
