namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>
/// What <see cref="TrackVerifier"/> concluded about one track: valid, or damaged with every defect found; the figures
/// recomputed from its frames either way; and notes on what was compared only loosely (rules the format notes list as
/// unknown), which never make a track damaged.
/// </summary>
internal sealed record TrackVerdict
{
    /// <summary>The word a valid track carries in the ledger, status.json and the log.</summary>
    public const string ValidWord = "valid";

    /// <summary>The word a damaged track carries.</summary>
    public const string DamagedWord = "damaged";

    /// <summary>
    /// The defects, in file order then comparison order; empty for a valid track. Of each kind the first few are in
    /// full and one more line counts the rest (<see cref="CappedDefects"/>).
    /// </summary>
    public IReadOnlyList<TrackDefect> Defects { get; init; } = [];

    /// <summary>The figures recomputed from the frames that were read.</summary>
    public VerifiedSummary Summary { get; init; } = VerifiedSummary.Empty;

    /// <summary>Loose comparisons and what was not compared, e.g. <c>distance: header 25.20 km, frames 25.31 km (+0.4 %)</c>.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when nothing is wrong.</summary>
    public bool IsValid => Defects.Count == 0;

    /// <summary><see cref="ValidWord"/> or <see cref="DamagedWord"/>.</summary>
    public string Word => IsValid ? ValidWord : DamagedWord;

    /// <summary>The defects in one line, <c>"; "</c> between them (empty when valid).</summary>
    public string DefectText => string.Join("; ", Defects.Select(d => d.Text));

    /// <summary><c>valid</c>, or <c>damaged: &lt;defects&gt;</c>.</summary>
    public override string ToString() => IsValid ? ValidWord : $"{DamagedWord}: {DefectText}";
}
