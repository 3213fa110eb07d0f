using System.Net;

namespace MotionServer.Pipeline.State;

/// <summary>Status changes (<see cref="MotionStatusMachine"/> decides which) and what the stages learn about a device.</summary>
internal sealed partial class FleetState
{
    /// <summary>Found on the network: status connected, address known, moved to the front of the history list.</summary>
    public void MarkConnected(int id, IPAddress address) =>
        Change(id, StatusTrigger.Found, (d, _) =>
        {
            d.Found(address, Now);
            _book.MoveToFront(id);
        });

    /// <summary>Still on the network (a presence probe answered): last seen is now. Not saved at once; the next status change or the stop saves it.</summary>
    public void MarkSeen(int id) => Mutate(id, d => d.LastSeen = Now);

    public void MarkPending(int id) => Change(id, StatusTrigger.TracksOwed);

    public void MarkDownloading(int id) => Change(id, StatusTrigger.DownloadStarted);

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
    public void MarkCompleted(int id, Action? announce = null) =>
        Change(id, StatusTrigger.AllDownloaded, (d, next) =>
        {
            if (next == MotionStatus.Completed)
            {
                announce?.Invoke();
                d.Completed(Now);
            }
        });

    /// <summary>
    /// The last step failed: address discarded (so detection retries it), paced by <paramref name="backoff"/>, and
    /// flagged with <paramref name="attention"/>'s words when it returns some (both given the attempt count; both run
    /// under the fleet's lock, before the status change is announced, so they must be quick and must not log).
    /// </summary>
    /// <returns>The number of consecutive failed attempts, this one included.</returns>
    public int MarkFailed(int id, string reason, Func<int, TimeSpan> backoff, Func<int, string?>? attention = null)
    {
        int attempts = 0;
        Change(id, StatusTrigger.StepFailed, (d, _) =>
        {
            attempts = d.Failed(reason);
            d.NotBefore = _time.GetTimestamp() + (long)(backoff(attempts).TotalSeconds * _time.TimestampFrequency);
            d.Attention = attention?.Invoke(attempts) ?? d.Attention;
        });
        return attempts;
    }

    /// <summary>Left the network: address discarded; detection will find it when it returns.</summary>
    public void MarkDisconnected(int id) => Change(id, StatusTrigger.Left, (d, _) => d.Left());

    /// <summary>
    /// Marks the server stopped, for the final snapshot. A download cut short by the stop is not going on any more: its
    /// device is shown <c>pending</c> (its tracks stay queued for the next run), never <c>downloading</c>. Not announced.
    /// </summary>
    public void MarkStopped() =>
        UnderLock(book =>
        {
            book.Running = false;
            foreach (var device in book.Devices)
            {
                device.Transfer = null;
                device.Apply(StatusTrigger.Stopped, Now);
            }
        });

    public void SetMetadata(int id, int? battery, int? storage, string? firmware, string? username, IReadOnlyList<string> warnings) =>
        Mutate(id, d => (d.Battery, d.Storage, d.Firmware, d.Username, d.Warnings) = (battery, storage, firmware, username, warnings));

    public void SetWarnings(int id, IReadOnlyList<string> warnings) => Mutate(id, d => d.Warnings = warnings);

    public void SetTracks(int id, TrackCounts counts, long bytesDownloaded, IReadOnlyList<TrackSnapshot> tracks) =>
        Mutate(id, d => (d.Tracks, d.BytesDownloaded, d.TrackList) = (counts, bytesDownloaded, tracks));

    /// <summary>The track in transfer now; ignored once stopped (a cut transfer's last progress report comes late).</summary>
    public void SetTransfer(int id, TransferProgress? progress) => Mutate(id, d => d.Transfer = _book.Running ? progress : null);

    private void Mutate(int id, Action<DeviceState> mutate) => UnderLock(book =>
    {
        if (book.Find(id) is { } d)
        {
            mutate(d);
        }
    });

    /// <summary>
    /// Moves the device to the status <paramref name="trigger"/> leads to, after <paramref name="effects"/> (given that
    /// status) have changed what goes with it, under the lock; the change is announced after the lock is released.
    /// </summary>
    private void Change(int id, StatusTrigger trigger, Action<DeviceState, MotionStatus>? effects = null)
    {
        MotionStatusChange? change = null;
        lock (_gate)
        {
            if (_book.Find(id) is not { } d)
            {
                return;
            }

            var next = MotionStatusMachine.Next(d.Facts, trigger);
            effects?.Invoke(d, next);
            change = d.MoveTo(next, Now);
        }

        Announce(change);
    }
}
