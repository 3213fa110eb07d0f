namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// A track's results: the device's figures (every frame, no filter), the figures by the sport's quality rules, and
/// whether the track is suspect, with the reasons. A suspect track is kept and counted like any other: the flag
/// informs, it never hides data.
/// </summary>
/// <param name="Device">Every GNSS frame, no filter: what the device itself computes.</param>
/// <param name="Figures">The sport's quality rules applied.</param>
/// <param name="Reasons">Why the track is suspect; empty when it is not.</param>
internal sealed record TrackResults(CategoryFigures Device, CategoryFigures Figures, IReadOnlyList<SuspectReason> Reasons)
{
    /// <summary>A track without frames.</summary>
    public static TrackResults None { get; } = new(CategoryFigures.None, CategoryFigures.None, []);

    /// <summary>True when at least one reason says so.</summary>
    public bool IsSuspect => Reasons.Count > 0;
}
