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
