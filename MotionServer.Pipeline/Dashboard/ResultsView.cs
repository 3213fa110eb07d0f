namespace MotionServer.Pipeline.Dashboard;

/// <summary>Today's results as <c>results.html</c> shows them (template name <c>results</c>).</summary>
internal sealed class ResultsView
{
    /// <summary>The local day, <c>2025-10-12</c>.</summary>
    public required string Date { get; init; }

    /// <summary>The day in words, <c>Sunday 12 October 2025</c>.</summary>
    public required string Label { get; init; }

    /// <summary>Roster rows covering the day.</summary>
    public required int RosterRows { get; init; }

    /// <summary>Completed tracks of the day on those rows.</summary>
    public required int Tracks { get; init; }

    /// <summary>How many of them the rules find suspect.</summary>
    public required int SuspectTracks { get; init; }

    /// <summary>No day, no rows (a view made without results).</summary>
    public static ResultsView None { get; } = new() { Date = "", Label = "", RosterRows = 0, Tracks = 0, SuspectTracks = 0, Classes = [] };

    /// <summary>Every competitor first (<c>All</c>), then each craft type of the day when there are several.</summary>
    public required IReadOnlyList<ResultsClassView> Classes { get; init; }
}
