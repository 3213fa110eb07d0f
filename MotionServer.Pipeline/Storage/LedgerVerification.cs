using System.Text.Json.Serialization;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// The <c>verification</c> field of a completed track in <c>downloads.json</c>: the verdict on the file on disk and
/// the figures recomputed from its frames (device units: ms, mm, mm/s). The entry's other figures stay the device's.
/// </summary>
internal sealed record LedgerVerification
{
    /// <summary><c>valid</c> or <c>damaged</c>.</summary>
    [JsonPropertyName("verdict")]
    public required string Verdict { get; init; }

    /// <summary>What is wrong, one sentence per defect; empty when valid.</summary>
    [JsonPropertyName("defects")]
    public IReadOnlyList<string> Defects { get; init; } = [];

    /// <summary>Duration from the frames, ms.</summary>
    [JsonPropertyName("duration")]
    public long Duration { get; init; }

    /// <summary>Doppler distance from the frames, mm.</summary>
    [JsonPropertyName("distance")]
    public long Distance { get; init; }

    /// <summary>Best 2 s from the frames, mm/s.</summary>
    [JsonPropertyName("2s_best")]
    public long Best2s { get; init; }

    /// <summary>Best 10 s from the frames, mm/s.</summary>
    [JsonPropertyName("10s_best")]
    public long Best10s { get; init; }

    /// <summary>Best 500 m from the frames, mm/s.</summary>
    [JsonPropertyName("500m_best")]
    public long Best500m { get; init; }

    /// <summary>True when the verdict is <c>damaged</c>.</summary>
    [JsonIgnore]
    public bool IsDamaged => string.Equals(Verdict, TrackVerdict.DamagedWord, StringComparison.Ordinal);

    /// <summary>What the fleet's snapshots show of it.</summary>
    public TrackVerificationSnapshot ToSnapshot() => new()
    {
        Verdict = Verdict,
        Defects = Defects,
        Duration = Duration,
        Distance = Distance,
        Best2s = Best2s,
        Best10s = Best10s,
        Best500m = Best500m,
    };

    /// <summary>The field for a verdict.</summary>
    internal static LedgerVerification From(TrackVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var s = verdict.Summary;
        return new LedgerVerification
        {
            Verdict = verdict.Word,
            Defects = [.. verdict.Defects.Select(d => d.Text)],
            Duration = s.Duration,
            Distance = s.Distance,
            Best2s = s.Best2s,
            Best10s = s.Best10s,
            Best500m = s.Best500m,
        };
    }
}
