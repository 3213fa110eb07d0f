using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Inspection;

/// <summary>The planner's decisions for one device, with what to log about them.</summary>
internal sealed record TrackPlan(
    DownloadPlan Downloads,
    IReadOnlyList<PlannedTrack> NewlySkipped,
    IReadOnlyList<string> Adopted,
    IReadOnlyList<(string File, string Reason)> RefusedPaths,
    bool LedgerChanged)
{
    /// <summary>Downloaded tracks renamed because the roster corrected their File ID: old name, new name.</summary>
    public IReadOnlyList<(string From, string To)> Renamed { get; init; } = [];
}
