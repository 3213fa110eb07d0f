using System.Net;

namespace MotionServer.Pipeline.State;

/// <summary>Status changes and what the stages learn about a device.</summary>
internal sealed partial class FleetState
{
    /// <summary>Found on the network: status connected, address known, moved to the front of the history list.</summary>
    public void MarkConnected(int id, IPAddress address)
    {
        Change(id, d =>
        {
            d.Address = address;
            d.LastSeen = Now;
            d.Transfer = null;
            _history.Remove(id);
            _history.Insert(0, id);
            return MotionStatus.Connected;
        });
    }

    /// <summary>Still on the network (a presence probe answered): last seen is now. Not saved at once; the next status change or the stop saves it.</summary>
    public void MarkSeen(int id) => Mutate(id, d => d.LastSeen = Now);

    public void MarkPending(int id) => Change(id, _ => MotionStatus.Pending);

    public void MarkDownloading(int id) => Change(id, _ => MotionStatus.Downloading);

    /// <summary>
    /// Every track it owes is downloaded: completed, failures and attention cleared. Unless the roster changed its rows
    /// while it was being planned: then it stays connected, and the next sweep plans it again (<see cref="RosterReplan"/>).
    /// </summary>
    /// <param name="id">The device.</param>
    /// <param name="announce">
    /// Says it is done (the contract's line) when, and only when, it is completed: called under the fleet's lock, in the
    /// same decision, so a roster change cannot land between the saying and the completing; before the status change is
    /// announced. Must be quick and must not call back into anything but the fleet.
    /// </param>
    public void MarkCompleted(int id, Action? announce = null)
    {
        Change(id, d =>
        {
            if (d.ReplanOwed)
            {
                return MotionStatus.Connected;
            }

            announce?.Invoke();

            d.LastCompleted = Now;
            d.FailedAttempts = 0;
            d.NotBefore = default;
            d.Attention = null;
            d.LastError = null;
            d.Transfer = null;
            return MotionStatus.Completed;
        });
    }

    /// <summary>
    /// The last step failed: address discarded (so detection retries it), paced by <paramref name="backoff"/>, and
    /// flagged with <paramref name="attention"/>'s words when it returns some (both given the attempt count; both run
    /// under the fleet's lock, before the status change is announced, so they must be quick and must not log).
    /// </summary>
    /// <returns>The number of consecutive failed attempts, this one included.</returns>
    public int MarkFailed(int id, string reason, Func<int, TimeSpan> backoff, Func<int, string?>? attention = null)
    {
        int attempts = 0;
        Change(id, d =>
        {
            d.Address = null;
            d.Transfer = null;
            d.LastError = reason;
            attempts = ++d.FailedAttempts;
            d.NotBefore = _time.GetTimestamp() + TimestampTicks(backoff(attempts));
            if (attention?.Invoke(attempts) is { } words)
            {
                d.Attention = words;
            }

            return MotionStatus.Failed;
        });
        return attempts;
    }

    /// <summary>Left the network: address discarded; detection will find it when it returns.</summary>
    public void MarkDisconnected(int id)
    {
        Change(id, d =>
        {
            d.Address = null;
            d.Transfer = null;
            return MotionStatus.Disconnected;
        });
    }

    public void SetMetadata(int id, int? battery, int? storage, string? firmware, string? username, IReadOnlyList<string> warnings) =>
        Mutate(id, d =>
        {
            d.Battery = battery;
            d.Storage = storage;
            d.Firmware = firmware;
            d.Username = username;
            d.Warnings = warnings;
        });

    public void SetWarnings(int id, IReadOnlyList<string> warnings) => Mutate(id, d => d.Warnings = warnings);

    public void SetTracks(int id, TrackCounts counts, long bytesDownloaded, IReadOnlyList<TrackSnapshot> tracks) =>
        Mutate(id, d =>
        {
            d.Tracks = counts;
            d.BytesDownloaded = bytesDownloaded;
            d.TrackList = tracks;
        });

    /// <summary>The track in transfer now; ignored once stopped (a cut transfer's last progress report comes late).</summary>
    public void SetTransfer(int id, TransferProgress? progress) => Mutate(id, d => d.Transfer = _running ? progress : null);
}
