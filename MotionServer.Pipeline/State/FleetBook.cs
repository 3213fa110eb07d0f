using MotionServer.Pipeline.Roster;

namespace MotionServer.Pipeline.State;

/// <summary>
/// What the fleet is made of: the roster in force, each roster device's state, the history list, and the times of devices
/// that left the roster (a corrected roster brings them back). Not synchronised: <see cref="FleetState"/>'s lock guards
/// every use, and <see cref="FleetClaims"/> and <see cref="FleetReadModel"/> work on it under that lock.
/// </summary>
internal sealed class FleetBook(Func<int, string> hostnameFor)
{
    private readonly Dictionary<int, DeviceState> _devices = [];
    private readonly List<int> _history = []; // most recent connection first
    private readonly Dictionary<int, DeviceTimes> _departedTimes = []; // devices taken off the roster

    public MotionRoster Roster { get; private set; } = MotionRoster.Empty;

    /// <summary>Problems of the roster as last re-read, or empty.</summary>
    public IReadOnlyList<string> RosterProblems { get; set; } = [];

    /// <summary>False once the server has stopped.</summary>
    public bool Running { get; set; } = true;

    public IReadOnlyCollection<DeviceState> Devices => _devices.Values;

    /// <summary>Device ids, most recent connection first.</summary>
    public IReadOnlyList<int> History => _history;

    public DeviceState? Find(int id) => _devices.GetValueOrDefault(id);

    public string HostnameOf(int id) => Find(id)?.Hostname ?? hostnameFor(id);

    public int? IdOf(string hostname) =>
        _devices.Values.FirstOrDefault(d => string.Equals(d.Hostname, hostname, StringComparison.OrdinalIgnoreCase))?.Id;

    /// <summary>Connected now: to the front of the history list.</summary>
    public void MoveToFront(int id)
    {
        _history.Remove(id);
        _history.Insert(0, id);
    }

    /// <summary>
    /// Puts a roster in force: its devices join (waiting, with the times they had before they left the roster); devices no
    /// longer on it leave unless in the graph, their times kept. A device whose rows changed is planned again (<see cref="RosterReplan"/>).
    /// </summary>
    /// <returns>The status changes to announce.</returns>
    public List<MotionStatusChange> ApplyRoster(MotionRoster roster, DateTimeOffset now)
    {
        var changes = new List<MotionStatusChange>();
        var previous = Roster;
        Roster = roster;
        foreach (int id in roster.DeviceIds)
        {
            if (!_devices.TryGetValue(id, out var device))
            {
                Join(id);
            }
            else if (RosterReplan.RowsChanged(previous, roster, id) && RosterReplan.Mark(device, now) is { } change)
            {
                changes.Add(change);
            }
        }

        foreach (var device in _devices.Values.Where(d => !roster.Contains(d.Id) && !d.InPipeline).ToArray())
        {
            Depart(device);
        }

        return changes;
    }

    private void Join(int id)
    {
        var device = new DeviceState(id, hostnameFor(id));
        if (_departedTimes.Remove(id, out var times))
        {
            device.LastSeen = times.LastSeen;
            device.LastCompleted = times.LastCompleted;
        }

        _devices[id] = device;
    }

    /// <summary>A device leaves the fleet (off the roster): its times are kept, so a corrected roster brings them back.</summary>
    public void Depart(DeviceState device)
    {
        _devices.Remove(device.Id);
        if (device.LastSeen is not null || device.LastCompleted is not null)
        {
            _departedTimes[device.Id] = new DeviceTimes(device.LastSeen, device.LastCompleted);
        }
    }

    /// <summary>Restores the history list and last times saved by an earlier run.</summary>
    public void Restore(HistoryRecord record)
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

    /// <summary>What must survive a restart, the times of devices that left the roster included.</summary>
    public HistoryRecord ExportHistory()
    {
        var devices = new Dictionary<int, DeviceTimes>(_departedTimes);
        foreach (var d in _devices.Values.Where(d => d.LastSeen is not null || d.LastCompleted is not null))
        {
            devices[d.Id] = new DeviceTimes(d.LastSeen, d.LastCompleted);
        }

        return new HistoryRecord([.. _history], devices);
    }
}
