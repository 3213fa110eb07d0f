namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The anomalies of one walk, capped so that a damaged file costs no more memory than a clean one: the first
/// <c>keptPerKind</c> anomalies of each kind are kept in file order, and every anomaly, kept or not, is counted by
/// kind (with the bytes it covers). The last anomaly is kept too (trouble at the very end of a file matters, §8).
/// </summary>
/// <param name="keptPerKind">How many anomalies of each kind to keep; <see cref="int.MaxValue"/> keeps them all.</param>
internal sealed class OaoAnomalyLog(int keptPerKind = OaoAnomalyLog.DefaultKeptPerKind)
{
    /// <summary>What a verification keeps of each kind: far more than a report shows, far less than a damaged file holds.</summary>
    public const int DefaultKeptPerKind = 64;

    private const int KindCount = (int)OaoAnomalyKind.Truncated + 1;

    private readonly List<OaoAnomaly> _kept = [];
    private readonly int[] _keptByKind = new int[KindCount];
    private readonly int[] _counts = new int[KindCount];
    private readonly long[] _bytes = new long[KindCount];

    /// <summary>A log that keeps every anomaly (for readers that return them all).</summary>
    public static OaoAnomalyLog Unbounded() => new(int.MaxValue);

    /// <summary>The anomalies kept, in file order: every one when none of its kind was dropped.</summary>
    public IReadOnlyList<OaoAnomaly> Kept => _kept;

    /// <summary>The last anomaly of the walk (kept or not), or null when there was none.</summary>
    public OaoAnomaly? Last { get; private set; }

    /// <summary>Anomalies of every kind.</summary>
    public int Total { get; private set; }

    /// <summary>Anomalies of a kind, kept or not.</summary>
    public int CountOf(OaoAnomalyKind kind) => _counts[(int)kind];

    /// <summary>Anomalies of a kind that were counted but not kept.</summary>
    public int DroppedOf(OaoAnomalyKind kind) => _counts[(int)kind] - _keptByKind[(int)kind];

    /// <summary>Bytes the anomalies of a kind cover, kept or not.</summary>
    public long BytesOf(OaoAnomalyKind kind) => _bytes[(int)kind];

    public void Add(OaoAnomaly anomaly)
    {
        ArgumentNullException.ThrowIfNull(anomaly);
        int kind = (int)anomaly.Kind;
        _counts[kind]++;
        _bytes[kind] += anomaly.ByteCount;
        Total++;
        Last = anomaly;
        if (_keptByKind[kind] < keptPerKind)
        {
            _keptByKind[kind]++;
            _kept.Add(anomaly);
        }
    }
}
