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
    private readonly Dictionary<int, DeviceTimes> _departedTimes = []; // devices taken off the roster

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

    /// <summary>
    /// Puts a roster in force: its devices join (waiting, with the last seen / last completed times they had before they
    /// left the roster); devices no longer on it leave unless busy, their times kept. A device whose rows changed is
    /// planned again (<see cref="RosterReplan"/>): a track that becomes the event's is owed from now on.
    /// </summary>
    public void ApplyRoster(MotionRoster roster)
    {
        var changes = new List<MotionStatusChange>();
        lock (_gate)
        {
            var previous = _roster;
            _roster = roster;
            foreach (int id in roster.DeviceIds)
            {
                if (!_devices.TryGetValue(id, out var device))
                {
                    device = new DeviceState(id, _hostnameFor(id));
                    if (_departedTimes.Remove(id, out var times))
                    {
                        device.LastSeen = times.LastSeen;
                        device.LastCompleted = times.LastCompleted;
                    }

                    _devices[id] = device;
                }
                else if (RosterReplan.RowsChanged(previous, roster, id) && RosterReplan.Mark(device, Now) is { } change)
                {
                    changes.Add(change);
                }
            }

            foreach (var id in _devices.Keys.Where(id => !roster.Contains(id)).ToArray())
            {
                if (!_devices[id].InPipeline)
                {
                    Depart(_devices[id]);
                }
            }
        }

        foreach (var change in changes)
        {
            RaiseStatusChanged(change);
        }
    }

    /// <summary>A device leaves the fleet (off the roster): its times are kept, so a corrected roster brings them back.</summary>
    private void Depart(DeviceState device)
    {
        _devices.Remove(device.Id);
        if (device.LastSeen is not null || device.LastCompleted is not null)
        {
            _departedTimes[device.Id] = new DeviceTimes(device.LastSeen, device.LastCompleted);
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
                else
                {
                    _departedTimes[id] = times; // not on this roster: kept for a corrected one, and saved again
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
            var devices = new Dictionary<int, DeviceTimes>(_departedTimes);
            foreach (var d in _devices.Values.Where(d => d.LastSeen is not null || d.LastCompleted is not null))
            {
                devices[d.Id] = new DeviceTimes(d.LastSeen, d.LastCompleted);
            }

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

    /// <summary>How long a failed device must still wait before detection tries it again (zero when it need not).</summary>
    public TimeSpan RetryWaitOf(int id)
    {
        long notBefore;
        lock (_gate)
        {
            notBefore = _devices.GetValueOrDefault(id)?.NotBefore ?? 0;
        }

        long now = _time.GetTimestamp();
        return notBefore <= now ? TimeSpan.Zero : _time.GetElapsedTime(now, notBefore);
    }

    /// <summary>When a failed device may be tried again, as a wall time for people to read (<see cref="RetryWaitOf"/> decides).</summary>
    public DateTimeOffset NotBeforeOf(int id) => Now + RetryWaitOf(id);

    /// <summary><paramref name="span"/> in <see cref="TimeProvider.GetTimestamp"/> units.</summary>
    private long TimestampTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

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

    /// <summary>
    /// Marks the server stopped, for the final snapshot. A download cut short by the stop is not going on any more: its
    /// device is shown <c>pending</c> (its tracks stay queued for the next run), never <c>downloading</c>.
    /// </summary>
    public void MarkStopped()
    {
        lock (_gate)
        {
            _running = false;
            foreach (var device in _devices.Values)
            {
                device.Transfer = null;
                if (device.Status == MotionStatus.Downloading)
                {
                    device.Status = MotionStatus.Pending;
                    device.Since = Now;
                }
            }
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
            RaiseStatusChanged(change);
        }
    }
}
