namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>What <see cref="OaoReader"/> found in a file: headers, GNSS frames and every anomaly.</summary>
internal sealed class OaoReadResult
{
    internal OaoReadResult(
        int length, IReadOnlyList<OaoHeader> headers, IReadOnlyList<OaoGnssFrame> frames, int otherFrameCount,
        IReadOnlyList<OaoAnomaly> anomalies)
    {
        Length = length;
        Headers = headers;
        Frames = frames;
        OtherFrameCount = otherFrameCount;
        Anomalies = anomalies;
        Header = headers.FirstOrDefault(header => header.HasSummary) ?? (headers.Count > 0 ? headers[0] : null);
    }

    /// <summary>Bytes read.</summary>
    public int Length { get; }

    /// <summary>
    /// The header to use for the summary: the first with <see cref="OaoHeader.HasSummary"/>, otherwise the first header
    /// (for its identifier), or null when the file has none.
    /// </summary>
    public OaoHeader? Header { get; }

    /// <summary>Every valid header frame, in file order (device files may hold more than one).</summary>
    public IReadOnlyList<OaoHeader> Headers { get; }

    /// <summary>Every valid GNSS frame (<c>0x0AD4</c> and <c>0x0AD5</c>), in file order.</summary>
    public IReadOnlyList<OaoGnssFrame> Frames { get; }

    /// <summary>Valid track, emergency, POI and IMU frames, skipped.</summary>
    public int OtherFrameCount { get; }

    /// <summary>Every anomaly, in file order. Empty for a clean file.</summary>
    public IReadOnlyList<OaoAnomaly> Anomalies { get; }

    /// <summary>True when the file ends inside a frame.</summary>
    public bool IsTruncated => Anomalies.Any(anomaly => anomaly.Kind == OaoAnomalyKind.Truncated);

    /// <summary>Frames skipped for a wrong checksum.</summary>
    public int BadChecksumCount => Anomalies.Count(anomaly => anomaly.Kind == OaoAnomalyKind.BadChecksum);

    /// <summary>Bytes skipped while resynchronising on unknown modes.</summary>
    public int ResynchronisedByteCount => SumBytes(OaoAnomalyKind.Resynchronised);

    /// <summary>Bytes ignored from the end marker on (the marker included).</summary>
    public int TrailingByteCount => SumBytes(OaoAnomalyKind.TrailingBytes);

    private int SumBytes(OaoAnomalyKind kind) => Anomalies.Where(anomaly => anomaly.Kind == kind).Sum(anomaly => anomaly.ByteCount);
}
