namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// One set of a track's figures by the sport's categories (docs/results.md): speeds in knots, distance in km, each
/// null where the track is too short for the category (or, filtered, where too little of it is usable). Values are
/// kept unrounded; what people read rounds them to two decimals.
/// </summary>
/// <param name="TwoSeconds">Best mean speed over 2 s.</param>
/// <param name="TenSeconds">Best mean speed over 10 s.</param>
/// <param name="FiveByTenSeconds">Mean of the five best 10 s windows, from five different runs.</param>
/// <param name="FiveHundredMetres">Best mean speed over at least 500 m travelled.</param>
/// <param name="NauticalMile">Best mean speed over at least 1,852 m travelled.</param>
/// <param name="ThirtyMinutes">Best mean speed over 30 minutes.</param>
/// <param name="OneHour">Best mean speed over one hour.</param>
/// <param name="Alpha500">Best run of at most 500 m that ends within 50 m of its start.</param>
/// <param name="DistanceKm">Distance travelled, km.</param>
/// <param name="TimeOnWater">Time the frames cover, gaps left out.</param>
internal sealed record CategoryFigures(
    double? TwoSeconds,
    double? TenSeconds,
    double? FiveByTenSeconds,
    double? FiveHundredMetres,
    double? NauticalMile,
    double? ThirtyMinutes,
    double? OneHour,
    double? Alpha500,
    double? DistanceKm,
    TimeSpan TimeOnWater)
{
    /// <summary>A track without a usable frame.</summary>
    public static CategoryFigures None { get; } = new(null, null, null, null, null, null, null, null, null, TimeSpan.Zero);
}
