namespace MotionServer.Pipeline.Dashboard;

/// <summary>One category's top ten of a class.</summary>
internal sealed class ResultsCategoryView
{
    /// <summary>The contract's key, <c>2s</c>, <c>500m</c>, …</summary>
    public required string Key { get; init; }

    /// <summary>Its name, e.g. <c>Nautical mile</c>.</summary>
    public required string Title { get; init; }

    /// <summary><c>kn</c>, or <c>km</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>The best ten, best first.</summary>
    public required IReadOnlyList<ResultsRankView> Rows { get; init; }
}
