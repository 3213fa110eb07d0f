namespace MotionServer.Pipeline.Dashboard;

/// <summary>The tracks downloaded for one local day.</summary>
internal sealed class TrackDayView
{
    /// <summary>The day, <c>2025-10-12</c>.</summary>
    public required string Date { get; init; }

    /// <summary>The day in words, <c>Sunday 12 October 2025</c>.</summary>
    public required string Label { get; init; }

    /// <summary>Its tracks by start time.</summary>
    public required IReadOnlyList<TrackView> Tracks { get; init; }

    /// <summary>How many.</summary>
    public required int Count { get; init; }

    /// <summary>Their total distance, e.g. <c>125.2 km</c>.</summary>
    public required string Distance { get; init; }
}
