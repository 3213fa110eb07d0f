using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Download;

/// <summary>
/// What one device's visit has come to, track by track: the tracks failed (refusals included) and the first reason, which
/// the device's failure reports. <see cref="Apply"/> takes how each track ended and says whether the visit goes on.
/// </summary>
internal sealed class DownloadVisit(DownloadPlan plan)
{
    private int _left = plan.Tracks.Count;

    /// <summary>Tracks failed so far; once the device stopped answering, also every track it was not asked for.</summary>
    public int Failed { get; private set; } = plan.Refusals.Count;

    /// <summary>The reason of the first failure, which the device's failed line gives; null while none failed.</summary>
    public string? FirstFailure { get; private set; } = plan.Refusals.Count > 0 ? plan.Refusals[0] : null;

    /// <summary>The reason of the latest failure: why a device that stopped answering is said to have left.</summary>
    public string? LastFailure { get; private set; }

    public VisitStep Apply(TrackEnd end)
    {
        switch (end)
        {
            case TrackEnd.Landed:
                _left--;
                return VisitStep.Continue;

            case TrackEnd.Unsaved unsaved:
                Count(unsaved.Reason); // the ledger cannot be written: asking for more would only record nothing
                return VisitStep.Fail;

            case TrackEnd.Failed failed:
                _left--;
                Count(failed.Reason);
                if (!failed.DeviceUnreachable)
                {
                    return VisitStep.Continue;
                }

                Failed += _left; // not asked for: still owed, and failed if it is still there
                return VisitStep.AskIfStillThere;

            default:
                return VisitStep.Abandon;
        }
    }

    /// <summary>After the last track: failed when any did, else done.</summary>
    public VisitStep Finish() => Failed > 0 ? VisitStep.Fail : VisitStep.Done;

    private void Count(string reason)
    {
        Failed++;
        FirstFailure ??= reason;
        LastFailure = reason;
    }
}

/// <summary>What a visit does after a track (<see cref="DownloadVisit.Apply"/>).</summary>
internal enum VisitStep
{
    /// <summary>On to the next track.</summary>
    Continue,

    /// <summary>Every track is done: the device can be disconnected.</summary>
    Done,

    /// <summary>The device failed: tried again later.</summary>
    Fail,

    /// <summary>The server stops (or the disk stayed full until it did): let go, the tracks stay owed.</summary>
    Abandon,

    /// <summary>The device stopped answering: failed if it still accepts connections, else it left.</summary>
    AskIfStillThere,
}

/// <summary>How one track of a visit ended, once its ledger entry and lines are written.</summary>
internal abstract record TrackEnd
{
    /// <summary>Downloaded and recorded completed.</summary>
    public sealed record Landed : TrackEnd;

    /// <summary>Not fetched (failed, or fetched once when it needed two); recorded owed. <paramref name="Reason"/> is escaped.</summary>
    public sealed record Failed(string Reason, bool DeviceUnreachable) : TrackEnd;

    /// <summary>The ledger could not be written (<paramref name="Reason"/>, escaped): the visit ends failed.</summary>
    public sealed record Unsaved(string Reason) : TrackEnd;

    /// <summary>The server is stopping: the track stays owed, the visit ends.</summary>
    public sealed record Abandoned : TrackEnd;
}
