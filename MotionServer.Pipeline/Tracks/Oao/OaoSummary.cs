namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The summary of a log derived from its GNSS frames by <see cref="OaoSummaryCalculator"/> (§9), in the header's units:
/// ms since the epoch, ms, mm and mm/s. All zero when there are no frames.
/// </summary>
internal sealed record OaoSummary
{
    /// <summary>GNSS frames used.</summary>
    public int FrameCount { get; init; }

    /// <summary>The rate the windows were counted with: the header's, or derived from the median spacing.</summary>
    public int FrequencyHz { get; init; }

    /// <summary>The nominal spacing of the frames in ms: 1000 / <see cref="FrequencyHz"/>, or the median spacing.</summary>
    public long SamplePeriod { get; init; }

    /// <summary>Time of the first frame.</summary>
    public long FirstFrameTime { get; init; }

    /// <summary>Time of the last frame.</summary>
    public long LastFrameTime { get; init; }

    /// <summary>Start as devices write it: one sample period before the first frame.</summary>
    public long StartDate { get; init; }

    /// <summary>End: the time of the last frame.</summary>
    public long EndDate { get; init; }

    /// <summary>Duration in ms, <see cref="EndDate"/> − <see cref="StartDate"/>.</summary>
    public long Duration => EndDate - StartDate;

    /// <summary>Position of the first frame.</summary>
    public OaoPosition StartPosition { get; init; }

    /// <summary>Position of the last frame.</summary>
    public OaoPosition EndPosition { get; init; }

    /// <summary>Doppler distance Σ vᵢ·(tᵢ − tᵢ₋₁) in mm, truncated.</summary>
    public long Distance { get; init; }

    /// <summary>Largest frame speed, mm/s.</summary>
    public long MaxSpeed { get; init; }

    /// <summary>Lowest frame altitude, mm.</summary>
    public int MinAltitude { get; init; }

    /// <summary>Highest frame altitude, mm.</summary>
    public int MaxAltitude { get; init; }

    /// <summary>Mean speed of the frames faster than 12 knots, mm/s, truncated (0 when none).</summary>
    public long Above12KnotsMeanSpeed { get; init; }

    /// <summary>Frames faster than 12 knots divided by the frequency: seconds, truncated.</summary>
    public long Above12KnotsSeconds { get; init; }

    /// <summary>Top windows of <see cref="FrequencyHz"/> consecutive frames, best first.</summary>
    public IReadOnlyList<OaoBest> BestsOver1s { get; init; } = [];

    /// <summary>Top windows of 2 × <see cref="FrequencyHz"/> consecutive frames, best first.</summary>
    public IReadOnlyList<OaoBest> BestsOver2s { get; init; } = [];

    /// <summary>Top windows of 10 × <see cref="FrequencyHz"/> consecutive frames, best first.</summary>
    public IReadOnlyList<OaoBest> BestsOver10s { get; init; } = [];

    /// <summary>Top 500 m windows of Doppler distance, best first.</summary>
    public IReadOnlyList<OaoBest> BestsOver500m { get; init; } = [];

    /// <summary>Top 1000 m windows of Doppler distance, best first.</summary>
    public IReadOnlyList<OaoBest> BestsOver1000m { get; init; } = [];

    /// <summary>Top 1852 m windows of Doppler distance, best first.</summary>
    public IReadOnlyList<OaoBest> BestsOver1852m { get; init; } = [];

    /// <summary>Best 1 s, mm/s (0 when no window).</summary>
    public long Best1s => OaoHeader.BestOf(BestsOver1s);

    /// <summary>Best 2 s, mm/s: logs.json's <c>2s_best</c>.</summary>
    public long Best2s => OaoHeader.BestOf(BestsOver2s);

    /// <summary>Best 10 s, mm/s: logs.json's <c>10s_best</c>.</summary>
    public long Best10s => OaoHeader.BestOf(BestsOver10s);

    /// <summary>Best 500 m, mm/s: logs.json's <c>500m_best</c>.</summary>
    public long Best500m => OaoHeader.BestOf(BestsOver500m);

    /// <summary>
    /// Copies this summary into a header, as a device fills it: dates, positions, distance, extremes (altitude and
    /// maximum speed only), the 12-knot figures, the 1 s, 2 s, 10 s, 500 m, 1000 m and 1852 m tables and the
    /// frequency. The identity fields, the 1 h and gybe tables, the elevation gain and the signature are kept.
    /// </summary>
    /// <param name="header">The header to start from (identifier, nickname, firmware, time zone...).</param>
    public OaoHeader ApplyTo(OaoHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header with
        {
            StartDate = StartDate,
            StartPosition = StartPosition,
            EndDate = EndDate,
            EndPosition = EndPosition,
            Distance = Saturate(Distance),
            Minimum = new OaoExtremes(0, 0, MinAltitude, 0),
            Maximum = new OaoExtremes(0, 0, MaxAltitude, Saturate(MaxSpeed)),
            Above12KnotsMeanSpeed = Saturate(Above12KnotsMeanSpeed),
            Above12KnotsSeconds = Saturate(Above12KnotsSeconds),
            BestsOver1s = BestsOver1s,
            BestsOver2s = BestsOver2s,
            BestsOver10s = BestsOver10s,
            BestsOver500m = BestsOver500m,
            BestsOver1000m = BestsOver1000m,
            BestsOver1852m = BestsOver1852m,
            FrequencyHz = (byte)Math.Clamp(FrequencyHz, 0, byte.MaxValue),
        };
    }

    /// <summary>True when every value is equal, the best tables entry by entry.</summary>
    /// <param name="other">The summary to compare with.</param>
    public bool Equals(OaoSummary? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (FrameCount == other.FrameCount
                && FrequencyHz == other.FrequencyHz
                && SamplePeriod == other.SamplePeriod
                && FirstFrameTime == other.FirstFrameTime
                && LastFrameTime == other.LastFrameTime
                && StartDate == other.StartDate
                && EndDate == other.EndDate
                && StartPosition == other.StartPosition
                && EndPosition == other.EndPosition
                && Distance == other.Distance
                && MaxSpeed == other.MaxSpeed
                && MinAltitude == other.MinAltitude
                && MaxAltitude == other.MaxAltitude
                && Above12KnotsMeanSpeed == other.Above12KnotsMeanSpeed
                && Above12KnotsSeconds == other.Above12KnotsSeconds
                && OaoHeader.SameTable(BestsOver1s, other.BestsOver1s)
                && OaoHeader.SameTable(BestsOver2s, other.BestsOver2s)
                && OaoHeader.SameTable(BestsOver10s, other.BestsOver10s)
                && OaoHeader.SameTable(BestsOver500m, other.BestsOver500m)
                && OaoHeader.SameTable(BestsOver1000m, other.BestsOver1000m)
                && OaoHeader.SameTable(BestsOver1852m, other.BestsOver1852m)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FrameCount, StartDate, EndDate, Distance, MaxSpeed);

    private static uint Saturate(long value) => (uint)Math.Clamp(value, 0, uint.MaxValue);
}
