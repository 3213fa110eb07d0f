using System.Text.Json.Serialization;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// One set of figures as the files write it, with the contract's keys (<c>2s</c>, <c>10s</c>, <c>5x10s</c>, <c>500m</c>,
/// <c>1852m</c>, <c>30min</c>, <c>1h</c>, <c>alpha500</c>, <c>distance</c>): knots (distance in km), two decimals, or
/// null where the track is too short for the category. Used by the ledger's <c>results</c> field and the day's results.
/// </summary>
internal sealed record ResultFigures
{
    /// <summary>Best mean speed over 2 s, knots.</summary>
    [JsonPropertyName("2s")]
    [JsonConverter(typeof(TwoDecimalsJsonConverter))]
    public double? TwoSeconds { get; init; }

    /// <summary>Best mean speed over 10 s, knots.</summary>
    [JsonPropertyName("10s")]
    [JsonConverter(typeof(TwoDecimalsJsonConverter))]
    public double? TenSeconds { get; init; }

    /// <summary>Mean of the five best 10 s windows, knots.</summary>
    [JsonPropertyName("5x10s")]
    [JsonConverter(typeof(TwoDecimalsJsonConverter))]
    public double? FiveByTenSeconds { get; init; }

    /// <summary>Best mean speed over 500 m, knots.</summary>
    [JsonPropertyName("500m")]
    [JsonConverter(typeof(TwoDecimalsJsonConverter))]
    public double? FiveHundredMetres { get; init; }

    /// <summary>Best mean speed over a nautical mile, knots.</summary>
    [JsonPropertyName("1852m")]
    [JsonConverter(typeof(TwoDecimalsJsonConverter))]
    public double? NauticalMile { get; init; }

    /// <summary>Best mean speed over 30 minutes, knots.</summary>
    [JsonPropertyName("30min")]
    [JsonConverter(typeof(TwoDecimalsJsonConverter))]
    public double? ThirtyMinutes { get; init; }

    /// <summary>Best mean speed over one hour, knots.</summary>
    [JsonPropertyName("1h")]
    [JsonConverter(typeof(TwoDecimalsJsonConverter))]
    public double? OneHour { get; init; }

    /// <summary>Best alpha 500, knots.</summary>
    [JsonPropertyName("alpha500")]
    [JsonConverter(typeof(TwoDecimalsJsonConverter))]
    public double? Alpha500 { get; init; }

    /// <summary>Distance travelled, km.</summary>
    [JsonPropertyName("distance")]
    [JsonConverter(typeof(TwoDecimalsJsonConverter))]
    public double? Distance { get; init; }

    // No figure at all: most rows of a day's results at a large roster (no track yet), rebuilt up to twice a second.
    private static readonly ResultFigures NoFigures = new();

    /// <summary>The figures rounded as the files keep them (time on the water is kept apart, see <see cref="LedgerResults"/>).</summary>
    public static ResultFigures From(CategoryFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures is
            {
                TwoSeconds: null, TenSeconds: null, FiveByTenSeconds: null, FiveHundredMetres: null, NauticalMile: null,
                ThirtyMinutes: null, OneHour: null, Alpha500: null, DistanceKm: null,
            })
        {
            return NoFigures;
        }

        return new ResultFigures
        {
            TwoSeconds = Round(figures.TwoSeconds),
            TenSeconds = Round(figures.TenSeconds),
            FiveByTenSeconds = Round(figures.FiveByTenSeconds),
            FiveHundredMetres = Round(figures.FiveHundredMetres),
            NauticalMile = Round(figures.NauticalMile),
            ThirtyMinutes = Round(figures.ThirtyMinutes),
            OneHour = Round(figures.OneHour),
            Alpha500 = Round(figures.Alpha500),
            Distance = Round(figures.DistanceKm),
        };
    }

    /// <summary>The figures back as <see cref="CategoryFigures"/>, with the time on the water given.</summary>
    public CategoryFigures ToFigures(TimeSpan timeOnWater) => new(
        TwoSeconds, TenSeconds, FiveByTenSeconds, FiveHundredMetres, NauticalMile, ThirtyMinutes, OneHour, Alpha500, Distance, timeOnWater);

    private static double? Round(double? value) =>
        value is { } v && double.IsFinite(v) ? ResultText.Rounded(v) : null;
}
