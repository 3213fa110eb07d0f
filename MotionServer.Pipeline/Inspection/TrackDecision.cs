using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Inspection;

/// <summary>What the planner decided for one of the event's logs. Nothing is written until it is applied.</summary>
/// <param name="Track">The log and its local name.</param>
/// <param name="Recorded">What the ledger holds for the name now (with a <see cref="Rename"/>, the entry it brings along).</param>
/// <param name="Decided">What the ledger is to hold for the name.</param>
internal sealed record TrackDecision(PlannedTrack Track, LedgerEntry? Recorded, LedgerEntry Decided)
{
    /// <summary>The roster corrected the track's File ID: the downloaded file and its entry move to this name first.</summary>
    public TrackRename? Rename { get; init; }

    /// <summary>
    /// The file is complete on disk and the entry becomes completed from it: verified when applied, like a download (a file
    /// of the right length may still be a damaged copy), so <see cref="Decided"/> has no verification yet.
    /// </summary>
    public bool FromDisk { get; init; }

    /// <summary>Why the track, owed, can never be fetched as announced; null when it can.</summary>
    public string? Refusal { get; init; }

    /// <summary>Found complete on disk without a completed entry (a ledger lost or rebuilt): logged as already present.</summary>
    public bool Adopted => FromDisk && Recorded?.Status != LedgerStatus.Completed;

    /// <summary>Skipped by the speed filter, and not already recorded so: logged once, not at every visit.</summary>
    public bool NewlySkipped => Decided.Status == LedgerStatus.Skipped && Decided != Recorded;

    /// <summary>To be fetched.</summary>
    public bool Owed => Refusal is null && Decided.Status is LedgerStatus.Queued or LedgerStatus.Failed;
}
