namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>
/// What the GNSS frames of a file say (§9), as far as verification compares them: start and end as devices write them,
/// the Doppler distance, the single best 2 s, 10 s and 500 m (exactly as <see cref="Oao.OaoSummaryCalculator"/>
/// computes them), plus what the loose comparisons need. Computed in one pass by <see cref="FrameFigureSink"/>.
/// </summary>
internal sealed record FrameFigures
{
    /// <summary>No frames.</summary>
    public static FrameFigures Empty { get; } = new();

    /// <summary>GNSS frames read.</summary>
    public int FrameCount { get; init; }

    /// <summary>The rate windows were counted with: the header's, or 1000 / the median spacing.</summary>
    public int FrequencyHz { get; init; }

    /// <summary>The sample period the windows were counted with, ms.</summary>
    public long SamplePeriod { get; init; }

    /// <summary>Time of the first frame.</summary>
    public long FirstFrameTime { get; init; }

    /// <summary>Time of the last frame.</summary>
    public long LastFrameTime { get; init; }

    /// <summary>Start as devices write it: one sample period before the first frame.</summary>
    public long StartDate => FirstFrameTime - SamplePeriod;

    /// <summary>End: the last frame.</summary>
    public long EndDate => LastFrameTime;

    /// <summary>Doppler distance Σ vᵢ·(tᵢ − tᵢ₋₁), mm, truncated (a clock going backwards adds nothing).</summary>
    public long Distance { get; init; }

    /// <summary>Doppler distance over the frames of at least 0.5 m/s, mm.</summary>
    public long MovingDistance { get; init; }

    /// <summary>True when two frames are further apart than 1.5 sample periods (or out of order): windows are then uncertain.</summary>
    public bool HasGaps { get; init; }

    /// <summary>Best 2 s, mm/s (0 when no window).</summary>
    public long Best2s { get; init; }

    /// <summary>Best 10 s, mm/s.</summary>
    public long Best10s { get; init; }

    /// <summary>Best 500 m, mm/s.</summary>
    public long Best500m { get; init; }

    /// <summary>The figures staff see.</summary>
    public VerifiedSummary ToVerified() => FrameCount == 0
        ? VerifiedSummary.Empty
        : new VerifiedSummary(FrameCount, StartDate, EndDate, Distance, Best2s, Best10s, Best500m);
}
