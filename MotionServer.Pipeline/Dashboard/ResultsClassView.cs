namespace MotionServer.Pipeline.Dashboard;

/// <summary>One class (a craft type, or everyone) of the results page: a top ten per category.</summary>
internal sealed class ResultsClassView
{
    /// <summary><c>All</c>, or the craft type as the roster gives it.</summary>
    public required string Name { get; init; }

    /// <summary>A name for an <c>id</c> attribute: <c>all</c>, <c>sailboard</c>, …</summary>
    public required string Slug { get; init; }

    /// <summary>Each category in the contract's order, with its best ten (none when no one has a figure).</summary>
    public required IReadOnlyList<ResultsCategoryView> Categories { get; init; }
}
