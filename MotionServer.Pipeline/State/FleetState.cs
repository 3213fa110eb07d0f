using System.Net;
using MotionServer.Pipeline.Roster;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.State;

/// <summary>
/// The one owner of every device's state and of the history list. Stages change it through its methods;
/// dashboards and embedders read immutable snapshots. One lock guards everything: the fleet is ~130
/// devices and each change is a few field writes, so contention is negligible and reasoning stays simple.
/// Status-change events are raised after the lock is released.
/// </summary>
internal sealed partial class FleetState : IMotionFleet
{
    private const int RecentEventCapacity = 200;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Func<int, string> _hostnameFor;
    private readonly Dictionary<int, DeviceState> _devices = [];
    private readonly List<int> _history = []; // most recent connection first
    private readonly LinkedList<FleetEvent> _events = new();
    private MotionRoster _roster = MotionRoster.Empty;
    private IReadOnlyList<string> _rosterProblems = [];
    private bool _running = true;

    public FleetState(TimeProvider time, Func<int, string> hostnameFor, string eventDirectory)
    {
        _time = time;
        _hostnameFor = hostnameFor;
        EventDirectory = eventDirectory;
    }

    public event EventHandler<MotionStatusChange>? StatusChanged;

    public string EventDirectory { get; }

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Puts a roster in force: its devices join (waiting); devices no longer on it leave unless busy.</summary>
    public void ApplyRoster(MotionRoster roster)
    {
        lock (_gate)
        {
            _roster = roster;
            foreach (int id in roster.DeviceIds)
            {
                if (!_devices.ContainsKey(id))
                {
                    _devices[id] = new DeviceState(id, _hostnameFor(id));
                }
            }

            foreach (var id in _devices.Keys.Where(id => !roster.Contains(id)).ToArray())
            {
                if (!_devices[id].InPipeline)
                {
                    _devices.Remove(id);
                }
            }
        }
    }

    public MotionRoster Roster
    {
        get { lock (_gate) { return _roster; } }
    }

    public void SetRosterProblems(IReadOnlyList<string> problems)
    {
        lock (_gate)
        {
            _rosterProblems = problems;
        }
    }

    /// <summary>Restores the history list and last times saved by an earlier run.</summary>
    public void Restore(HistoryRecord record)
    {
        lock (_gate)
        {
            _history.Clear();
            _history.AddRange(record.History.Distinct());
            foreach (var (id, times) in record.Devices)
            {
                if (_devices.TryGetValue(id, out var device))
                {
                    device.LastSeen = times.LastSeen;
                    device.LastCompleted = times.LastCompleted;
                }
            }
        }
    }

    /// <summary>What must survive a restart.</summary>
    public HistoryRecord ExportHistory()
    {
        lock (_gate)
        {
            // Keep times of devices that left the roster too: a corrected roster may bring them back.
            var devices = _devices.Values
                .Where(d => d.LastSeen is not null || d.LastCompleted is not null)
                .ToDictionary(d => d.Id, d => new DeviceTimes(d.LastSeen, d.LastCompleted));
            return new HistoryRecord([.. _history], devices);
        }
    }

    public string HostnameOf(int id)
    {
        lock (_gate)
        {
            return _devices.TryGetValue(id, out var d) ? d.Hostname : _hostnameFor(id);
        }
    }

    public int? IdOf(string hostname)
    {
        lock (_gate)
        {
            foreach (var d in _devices.Values)
            {
                if (string.Equals(d.Hostname, hostname, StringComparison.OrdinalIgnoreCase))
                {
                    return d.Id;
                }
            }

            return null;
        }
    }

    public IPAddress? AddressOf(int id)
    {
        lock (_gate)
        {
            return _devices.GetValueOrDefault(id)?.Address;
        }
    }

    public int FailedAttemptsOf(int id)
    {
        lock (_gate)
        {
            return _devices.GetValueOrDefault(id)?.FailedAttempts ?? 0;
        }
    }

    public DateTimeOffset NotBeforeOf(int id)
    {
        lock (_gate)
        {
            return _devices.GetValueOrDefault(id)?.NotBefore ?? default;
        }
    }

    public MotionStatus? StatusOf(int id)
    {
        lock (_gate)
        {
            return _devices.TryGetValue(id, out var d) ? d.Status : null;
        }
    }

    /// <summary>
    /// Claims every device that detection should look for now (no address, not in the graph, not pacing
    /// after a failure). A claimed device belongs to the graph until <see cref="Release"/>.
    /// </summary>
    public IReadOnlyList<int> ClaimForDetection()
    {
        var now = Now;
        lock (_gate)
        {
            var claimed = new List<int>();
            foreach (int id in _roster.DeviceIds)
            {
                if (_devices.TryGetValue(id, out var d) && d.Address is null && !d.InPipeline && d.NotBefore <= now)
                {
                    d.InPipeline = true;
                    claimed.Add(id);
                }
            }

            return claimed;
        }
    }

    /// <summary>Claims every completed device whose presence should be probed now.</summary>
    public IReadOnlyList<(int Id, IPAddress Address)> ClaimForDisconnectionProbe()
    {
        lock (_gate)
        {
            var claimed = new List<(int, IPAddress)>();
            foreach (var d in _devices.Values)
            {
                if (d.Status == MotionStatus.Completed && d.Address is { } address && !d.InPipeline)
                {
                    d.InPipeline = true;
                    claimed.Add((d.Id, address));
                }
            }

            return claimed;
        }
    }

    /// <summary>The device has left the graph; it may be claimed again.</summary>
    public void Release(int id)
    {
        lock (_gate)
        {
            if (_devices.TryGetValue(id, out var d))
            {
                d.InPipeline = false;
                if (!_roster.Contains(id))
                {
                    _devices.Remove(id);
                }
            }
        }
    }

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

    /// <summary>Every track it owes is downloaded: completed, failures and attention cleared.</summary>
    public void MarkCompleted(int id)
    {
        Change(id, d =>
        {
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
            d.NotBefore = Now + backoff(attempts);
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

    /// <summary>Forgets a device's address without changing its status (it was not found where it was).</summary>
    public void ForgetAddress(int id) => Mutate(id, d => d.Address = null);

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

    public IReadOnlyList<string> WarningsOf(int id)
    {
        lock (_gate)
        {
            return _devices.GetValueOrDefault(id)?.Warnings ?? [];
        }
    }

    public void SetTracks(int id, TrackCounts counts, long bytesDownloaded, IReadOnlyList<TrackSnapshot> tracks) =>
        Mutate(id, d =>
        {
            d.Tracks = counts;
            d.BytesDownloaded = bytesDownloaded;
            d.TrackList = tracks;
        });

    public void SetTransfer(int id, TransferProgress? progress) => Mutate(id, d => d.Transfer = progress);

    public void AddEvent(LogLevel level, int? deviceId, string message)
    {
        lock (_gate)
        {
            _events.AddFirst(new FleetEvent(Now, level, deviceId, message));
            while (_events.Count > RecentEventCapacity)
            {
                _events.RemoveLast();
            }
        }
    }

    /// <summary>Marks the server stopped, for the final snapshot.</summary>
    public void MarkStopped()
    {
        lock (_gate)
        {
            _running = false;
        }
    }

    private void Mutate(int id, Action<DeviceState> mutate)
    {
        lock (_gate)
        {
            if (_devices.TryGetValue(id, out var d))
            {
                mutate(d);
            }
        }
    }

    private void Change(int id, Func<DeviceState, MotionStatus> mutate)
    {
        MotionStatusChange? change = null;
        lock (_gate)
        {
            if (!_devices.TryGetValue(id, out var d))
            {
                return;
            }

            var previous = d.Status;
            var next = mutate(d);
            if (next != previous || d.Since is null)
            {
                d.Status = next;
                d.Since = Now;
                change = new MotionStatusChange(id, previous, next, d.Since.Value);
            }
        }

        if (change is not null)
        {
            StatusChanged?.Invoke(this, change);
        }
    }
}
