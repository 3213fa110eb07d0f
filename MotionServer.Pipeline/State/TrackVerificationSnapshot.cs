namespace MotionServer.Pipeline.State;

/// <summary>
/// What verification found in a completed track's file (docs/verification.md): the verdict, and the figures recomputed
/// from its frames, in the device's units (ms, mm, mm/s).
/// </summary>
public sealed record TrackVerificationSnapshot
{
    /// <summary><c>valid</c> or <c>damaged</c>.</summary>
    public required string Verdict { get; init; }

    /// <summary>What is wrong, one sentence per defect; empty when valid.</summary>
    public IReadOnlyList<string> Defects { get; init; } = [];

    /// <summary>Duration from the frames, ms.</summary>
    public long Duration { get; init; }

    /// <summary>Doppler distance from the frames, mm.</summary>
    public long Distance { get; init; }

    /// <summary>Best 2 s from the frames, mm/s.</summary>
    public long Best2s { get; init; }

    /// <summary>Best 10 s from the frames, mm/s.</summary>
    public long Best10s { get; init; }

    /// <summary>Best 500 m from the frames, mm/s.</summary>
    public long Best500m { get; init; }

    /// <summary>True when the verdict is <c>damaged</c>.</summary>
    public bool IsDamaged => string.Equals(Verdict, Tracks.Verification.TrackVerdict.DamagedWord, StringComparison.Ordinal);
}
