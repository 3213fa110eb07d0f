namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// What one pass of <see cref="OaoFrameWalker"/> found besides the frames it handed to its sink: the counts, the
/// anomalies (capped) and the few facts about the whole file a structural check needs, gathered during the pass.
/// </summary>
internal sealed record OaoWalk
{
    /// <summary>The file's length in bytes.</summary>
    public long Length { get; init; }

    /// <summary>Valid header frames.</summary>
    public int HeaderCount { get; init; }

    /// <summary>Valid GNSS frames.</summary>
    public int GnssFrameCount { get; init; }

    /// <summary>Valid track, emergency, POI and IMU frames, skipped.</summary>
    public int OtherFrameCount { get; init; }

    /// <summary>True when the file begins with a whole header frame whose checksum is valid.</summary>
    public bool StartsWithValidHeader { get; init; }

    /// <summary>True when an end marker stopped the reading and a valid frame lies after it (data the marker hides).</summary>
    public bool FrameAfterEndMarker { get; init; }

    /// <summary>The anomalies, capped by the log the walk was given.</summary>
    public required OaoAnomalyLog Anomalies { get; init; }

    /// <summary>Bytes folded into checksums, the frames' own and the resynchronising scans': linear in the file's size.</summary>
    public long ChecksumBytes { get; init; }
}
