namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>Names of the <see cref="ResultCategory"/> values: the contract's keys and the words of the reasons.</summary>
internal static class ResultCategories
{
    /// <summary>Every category.</summary>
    public static IReadOnlyList<ResultCategory> All { get; } = Enum.GetValues<ResultCategory>();

    /// <summary>The key in the results (<c>2s</c>, <c>500m</c>, …).</summary>
    public static string Key(ResultCategory category) => category switch
    {
        ResultCategory.TwoSeconds => "2s",
        ResultCategory.TenSeconds => "10s",
        ResultCategory.FiveByTenSeconds => "5x10s",
        ResultCategory.FiveHundredMetres => "500m",
        ResultCategory.NauticalMile => "1852m",
        ResultCategory.ThirtyMinutes => "30min",
        ResultCategory.OneHour => "1h",
        _ => "alpha500",
    };

    /// <summary>The name in a sentence (<c>2 s</c>, <c>nautical mile</c>, …).</summary>
    public static string Label(ResultCategory category) => category switch
    {
        ResultCategory.TwoSeconds => "2 s",
        ResultCategory.TenSeconds => "10 s",
        ResultCategory.FiveByTenSeconds => "5×10 s",
        ResultCategory.FiveHundredMetres => "500 m",
        ResultCategory.NauticalMile => "nautical mile",
        ResultCategory.ThirtyMinutes => "30 min",
        ResultCategory.OneHour => "1 h",
        _ => "alpha 500",
    };

    /// <summary>The category's figure in a set.</summary>
    public static double? Of(CategoryFigures figures, ResultCategory category)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return category switch
        {
            ResultCategory.TwoSeconds => figures.TwoSeconds,
            ResultCategory.TenSeconds => figures.TenSeconds,
            ResultCategory.FiveByTenSeconds => figures.FiveByTenSeconds,
            ResultCategory.FiveHundredMetres => figures.FiveHundredMetres,
            ResultCategory.NauticalMile => figures.NauticalMile,
            ResultCategory.ThirtyMinutes => figures.ThirtyMinutes,
            ResultCategory.OneHour => figures.OneHour,
            _ => figures.Alpha500,
        };
    }
}
