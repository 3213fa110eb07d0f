using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// Everything the planner decided for one device (<see cref="TrackPlanner.Decide"/>): what a real run applies and a dry
/// run only lists.
/// </summary>
/// <param name="Tracks">The event's logs, each with its decision, in the device's order.</param>
/// <param name="Unlisted">Owed or skipped entries the device's list no longer produces.</param>
/// <param name="RefusedPaths">Logs whose device path is refused, and why.</param>
internal sealed record TrackDecisions(
    IReadOnlyList<TrackDecision> Tracks,
    IReadOnlyList<UnlistedEntry> Unlisted,
    IReadOnlyList<(string File, string Reason)> RefusedPaths)
{
    /// <summary>The File ID corrections.</summary>
    public IEnumerable<TrackRename> Renames => Tracks.Select(t => t.Rename).OfType<TrackRename>();

    /// <summary>The decision for a local name, if it is one of the event's logs.</summary>
    public TrackDecision? For(string fileName) =>
        Tracks.FirstOrDefault(t => string.Equals(t.Track.FileName, fileName, StringComparison.Ordinal));

    /// <summary>
    /// The tracks to fetch and those that never can be. Newest first (today's sessions matter most), but tracks whose
    /// last attempt failed go last: a broken transfer usually ends the device's turn (it looks gone), so a track that
    /// keeps breaking must not hold back the others.
    /// </summary>
    public DownloadPlan Downloads()
    {
        var owed = Tracks.Where(t => t.Owed).ToList();
        owed.Sort((a, b) =>
            Failed(a) != Failed(b)
                ? Failed(a) ? 1 : -1
                : b.Track.Log.StartDate.CompareTo(a.Track.Log.StartDate));
        var refusals = Tracks.Select(t => t.Refusal).Concat(Unlisted.Select(u => u.Refusal)).OfType<string>().ToList();
        return new DownloadPlan([.. owed.Select(t => t.Track)], refusals);
    }

    private static bool Failed(TrackDecision track) => track.Decided.Status == LedgerStatus.Failed;
}
