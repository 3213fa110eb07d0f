using System.Text.Json.Serialization;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Host.Results;

/// <summary>
/// One set of figures as <c>results --json</c> prints it, under the contract's keys: knots (distance in km), two
/// decimals, null where the track is too short for the category.
/// </summary>
internal sealed record ResultsFiguresJson(
    [property: JsonPropertyName("2s"), JsonConverter(typeof(TwoDecimalsJsonConverter))] double? TwoSeconds,
    [property: JsonPropertyName("10s"), JsonConverter(typeof(TwoDecimalsJsonConverter))] double? TenSeconds,
    [property: JsonPropertyName("5x10s"), JsonConverter(typeof(TwoDecimalsJsonConverter))] double? FiveByTenSeconds,
    [property: JsonPropertyName("500m"), JsonConverter(typeof(TwoDecimalsJsonConverter))] double? FiveHundredMetres,
    [property: JsonPropertyName("1852m"), JsonConverter(typeof(TwoDecimalsJsonConverter))] double? NauticalMile,
    [property: JsonPropertyName("30min"), JsonConverter(typeof(TwoDecimalsJsonConverter))] double? ThirtyMinutes,
    [property: JsonPropertyName("1h"), JsonConverter(typeof(TwoDecimalsJsonConverter))] double? OneHour,
    [property: JsonPropertyName("alpha500"), JsonConverter(typeof(TwoDecimalsJsonConverter))] double? Alpha500,
    [property: JsonPropertyName("distance"), JsonConverter(typeof(TwoDecimalsJsonConverter))] double? Distance)
{
    public static ResultsFiguresJson From(CategoryFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new(figures.TwoSeconds, figures.TenSeconds, figures.FiveByTenSeconds, figures.FiveHundredMetres, figures.NauticalMile,
            figures.ThirtyMinutes, figures.OneHour, figures.Alpha500, figures.DistanceKm);
    }
}
