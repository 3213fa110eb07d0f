namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>
/// A track's figures recomputed from its own GNSS frames (format notes §9), in device units: ms since the epoch, ms,
/// mm and mm/s. Start is one sample period before the first frame, as devices write it; distance is the Doppler sum.
/// </summary>
/// <param name="FrameCount">GNSS frames read.</param>
/// <param name="StartDate">Start, ms since the epoch.</param>
/// <param name="EndDate">End (the last frame), ms since the epoch.</param>
/// <param name="Distance">Doppler distance, mm.</param>
/// <param name="Best2s">Best 2 s, mm/s.</param>
/// <param name="Best10s">Best 10 s, mm/s.</param>
/// <param name="Best500m">Best 500 m, mm/s.</param>
internal sealed record VerifiedSummary(int FrameCount, long StartDate, long EndDate, long Distance, long Best2s, long Best10s, long Best500m)
{
    /// <summary>No frames: nothing sailed.</summary>
    public static VerifiedSummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Duration in ms (<see cref="EndDate"/> − <see cref="StartDate"/>).</summary>
    public long Duration => EndDate - StartDate;
}
