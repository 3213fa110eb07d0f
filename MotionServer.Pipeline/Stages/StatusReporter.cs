using System.Net;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Stages;

/// <summary>
/// The one place that reports what happened to a device: it writes the log line the contract gives, then changes the
/// status (or the track counts) it reports, in that order, so whoever sees the new status finds its line in the log.
/// Stages decide; the reporter says it.
/// </summary>
internal sealed partial class StatusReporter(FleetState fleet, FleetLog log, FailurePolicy failures)
{
    /// <summary>Found and answering at <paramref name="address"/>: connected.</summary>
    public DeviceDetected Connected(DeviceWork work, IPAddress address)
    {
        var logger = log.For(work.DeviceId);
        Detected(logger, work.Hostname, address.ToString());
        LogConnected(logger, work.Hostname);
        fleet.MarkConnected(work.DeviceId, address);
        return new DeviceDetected(work, address);
    }

    /// <summary>Tracks are owed: pending, on to download.</summary>
    public void TracksToDownload(DeviceWork work, int count)
    {
        LogTracksToDownload(log.For(work.DeviceId), work.Hostname, count);
        fleet.MarkPending(work.DeviceId);
    }

    /// <summary>One track is on disk at its final name and recorded in <paramref name="ledger"/>: the counts follow.</summary>
    public void Downloaded(DeviceWork work, string fileName, string summary, DeviceLedger ledger)
    {
        LogDownloaded(log.For(work.DeviceId), work.Hostname, fileName, summary);
        LedgerSummary.Publish(fleet, work.DeviceId, ledger);
    }

    /// <summary>
    /// Owes nothing: completed, "can be disconnected". Unless the roster changed its rows during this visit: then it may owe
    /// a track under the new roster, stays connected and is planned again at once, and is not said to be done.
    /// </summary>
    public DeviceDone CanBeDisconnected(DeviceWork work)
    {
        // Decided and said in one step under the fleet's lock: a roster change landing between a check and the
        // completion once let "can be disconnected" through for a device that was then kept connected.
        var logger = log.For(work.DeviceId);
        fleet.MarkCompleted(work.DeviceId, () => LogCanBeDisconnected(logger, work.Hostname));
        return new DeviceDone(work);
    }

    /// <summary>Has left the network: disconnected, its address discarded (detection finds it when it returns).</summary>
    public void Disconnected(DeviceWork work)
    {
        LogDisconnected(log.For(work.DeviceId), work.Hostname);
        fleet.MarkDisconnected(work.DeviceId);
    }

    /// <summary>Left during <paramref name="step"/>: disconnected, not failed (see <see cref="DeparturePolicy"/>).</summary>
    public DeviceNotFound Left(DeviceWork work, string step, string reason)
    {
        LeftDuring(log.For(work.DeviceId), work.Hostname, step, reason);
        Disconnected(work);
        return new DeviceNotFound(work);
    }

    /// <summary>Inspection failed: its line, then <see cref="Failed"/>.</summary>
    public DeviceFailed InspectionFailed(DeviceWork work, string reason)
    {
        LogInspectionFailed(log.For(work.DeviceId), work.Hostname, reason);
        return Failed(work, reason, attempts => $"inspection failed {attempts} times");
    }

    /// <summary>One track's download failed; the stage records it in the ledger next, and fails the device at the end of its visit.</summary>
    public void TrackFailed(DeviceWork work, string fileName, string reason) =>
        LogTrackFailed(log.For(work.DeviceId), work.Hostname, fileName, reason);

    /// <summary>
    /// A step failed: failed, address discarded, paced by the <see cref="FailurePolicy"/>'s backoff, and flagged as needing
    /// attention when the policy says so — with the line first, once, when the count crosses.
    /// </summary>
    /// <param name="work">The device.</param>
    /// <param name="reason">Why the step failed (already escaped).</param>
    /// <param name="attention">The words for the attention line, given the attempt count, e.g. "1 track(s) failed".</param>
    public DeviceFailed Failed(DeviceWork work, string reason, Func<int, string> attention)
    {
        // One worker holds a device at a time, so its count cannot move under us between reading it and marking it.
        int attempts = fleet.FailedAttemptsOf(work.DeviceId) + 1;
        if (failures.CallsForAttention(attempts))
        {
            LogNeedsAttention(log.For(work.DeviceId), work.Hostname, $"{attention(attempts)}: {reason}");
        }

        fleet.MarkFailed(work.DeviceId, reason, failures.Backoff, n => failures.NeedsAttention(n) ? $"{attention(n)}: {reason}" : null);
        return new DeviceFailed(work, reason);
    }
}
