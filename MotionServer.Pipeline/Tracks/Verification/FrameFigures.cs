using System.Runtime.InteropServices;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>What the GNSS frames of a file say (§9): the recomputed summary, plus what the loose comparisons need.</summary>
internal sealed class FrameFigures
{
    /// <summary>Frames slower than this (mm/s) do not count in <see cref="MovingDistance"/> (§9: "within about 1 %").</summary>
    private const long MovingSpeed = 500;

    private FrameFigures(OaoSummary summary, long movingDistance, bool hasGaps)
    {
        Summary = summary;
        MovingDistance = movingDistance;
        HasGaps = hasGaps;
    }

    /// <summary>The summary as §9 derives it (start one period before the first frame, Doppler distance).</summary>
    public OaoSummary Summary { get; }

    /// <summary>The sample period the windows were counted with, ms.</summary>
    public long SamplePeriod => Summary.SamplePeriod;

    /// <summary>Doppler distance over the frames of at least 0.5 m/s, mm.</summary>
    public long MovingDistance { get; }

    /// <summary>True when two frames are further apart than 1.5 sample periods (or out of order): windows are then uncertain.</summary>
    public bool HasGaps { get; }

    /// <summary>Derives the figures of what the reader found (the header's frequency, when recorded, sets the windows).</summary>
    public static FrameFigures Of(OaoReadResult result)
    {
        var summary = OaoSummaryCalculator.Calculate(result);
        var frames = result.Frames is List<OaoGnssFrame> list ? CollectionsMarshal.AsSpan(list) : result.Frames.ToArray();
        long moving = 0;
        bool gaps = false;
        long limit = summary.SamplePeriod * 3 / 2;
        for (int i = 1; i < frames.Length; i++)
        {
            long spacing = frames[i].Utc - frames[i - 1].Utc;
            gaps |= spacing <= 0 || spacing > limit;
            if (frames[i].Speed >= MovingSpeed && spacing > 0)
            {
                moving += frames[i].Speed * spacing;
            }
        }

        return new FrameFigures(summary, moving / 1000, gaps);
    }

    /// <summary>The figures staff see.</summary>
    public VerifiedSummary ToVerified() => Summary.FrameCount == 0
        ? VerifiedSummary.Empty
        : new VerifiedSummary(Summary.FrameCount, Summary.StartDate, Summary.EndDate, Summary.Distance, Summary.Best2s, Summary.Best10s, Summary.Best500m);
}
