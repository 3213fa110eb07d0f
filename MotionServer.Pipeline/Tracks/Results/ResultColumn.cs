namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>One column of the results (a category of the contract, or the distance), in the contract's order, with how people name it.</summary>
/// <param name="Key">The contract's key, <c>2s</c>, <c>500m</c>, …</param>
/// <param name="Title">Its name on a page, e.g. <c>2 s</c>, <c>Nautical mile</c>.</param>
/// <param name="Unit"><c>kn</c>, or <c>km</c> for the distance.</param>
/// <param name="Of">Its figure in a set of figures.</param>
internal sealed record ResultColumn(string Key, string Title, string Unit, Func<CategoryFigures, double?> Of)
{
    /// <summary>Every category, in the contract's order; the distance last.</summary>
    public static IReadOnlyList<ResultColumn> All { get; } =
    [
        new("2s", "2 s", "kn", f => f.TwoSeconds),
        new("10s", "10 s", "kn", f => f.TenSeconds),
        new("5x10s", "5 × 10 s", "kn", f => f.FiveByTenSeconds),
        new("500m", "500 m", "kn", f => f.FiveHundredMetres),
        new("1852m", "Nautical mile", "kn", f => f.NauticalMile),
        new("30min", "30 min", "kn", f => f.ThirtyMinutes),
        new("1h", "1 hour", "kn", f => f.OneHour),
        new("alpha500", "Alpha 500", "kn", f => f.Alpha500),
        new("distance", "Distance", "km", f => f.DistanceKm),
    ];
}
