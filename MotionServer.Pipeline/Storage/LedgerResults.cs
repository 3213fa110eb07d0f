using System.Text.Json.Serialization;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// The <c>results</c> field of a completed track in <c>downloads.json</c> (added field): the contract's results of the
/// track (<c>suspect</c>, <c>reasons</c>, <c>figures</c> by the rules, the <c>device</c>'s own) and the time on the
/// water the figures cover. The day's results are rebuilt from these fields, so a restart never reads a track again.
/// </summary>
internal sealed record LedgerResults
{
    /// <summary>True when at least one reason says the track is suspect.</summary>
    [JsonPropertyName("suspect")]
    public bool Suspect { get; init; }

    /// <summary>Why it is suspect, one sentence each; empty when it is not.</summary>
    [JsonPropertyName("reasons")]
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The figures by the sport's rules.</summary>
    [JsonPropertyName("figures")]
    public ResultFigures Figures { get; init; } = new();

    /// <summary>The device's figures: every frame, no filter.</summary>
    [JsonPropertyName("device")]
    public ResultFigures Device { get; init; } = new();

    /// <summary>Time on the water by the rules (gaps left out), whole seconds.</summary>
    [JsonPropertyName("time_on_water")]
    public long TimeOnWaterSeconds { get; init; }

    /// <summary>The field for a track's results.</summary>
    public static LedgerResults From(TrackResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new LedgerResults
        {
            Suspect = results.IsSuspect,
            Reasons = [.. results.Reasons.Select(r => r.Text)],
            Figures = ResultFigures.From(results.Figures),
            Device = ResultFigures.From(results.Device),
            TimeOnWaterSeconds = (long)Math.Max(0, results.Figures.TimeOnWater.TotalSeconds),
        };
    }

    /// <summary>
    /// The results as the rest of the server reads them. A reason read back keeps its sentence only: its category and
    /// time live in the sentence, and nothing downstream needs them apart.
    /// </summary>
    public TrackResults ToResults() => new(
        (Device ?? new()).ToFigures(TimeSpan.Zero),
        RuleFigures(),
        (Reasons ?? []).Where(r => r is not null).Select(r => new SuspectReason("", null, r)).ToArray()); // none: the shared empty array

    /// <summary>The figures by the rules, with the time on the water they cover.</summary>
    public CategoryFigures RuleFigures() =>
        (Figures ?? new()).ToFigures(TimeSpan.FromSeconds(Math.Clamp(TimeOnWaterSeconds, 0, (long)TimeSpan.MaxValue.TotalSeconds - 1)));

    /// <summary>True when at least one reason is written: what makes the results read back suspect.</summary>
    [JsonIgnore]
    public bool HasReasons => Reasons is { } reasons && reasons.Any(r => r is not null);
}
