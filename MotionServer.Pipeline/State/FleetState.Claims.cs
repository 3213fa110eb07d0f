using System.Net;

namespace MotionServer.Pipeline.State;

/// <summary>Claims: a device is in the Dataflow graph at most once; the sweep and the probe claim it, the graph's end releases it.</summary>
internal sealed partial class FleetState
{
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

    /// <summary>
    /// Claims, earliest due first, at most <paramref name="max"/> of the devices that detection should look for now
    /// (as <see cref="ClaimForDetection()"/>) whose own next look, <paramref name="dueOf"/>, has come.
    /// </summary>
    public IReadOnlyList<int> ClaimForDetection(Func<int, DateTimeOffset> dueOf, int max)
    {
        var now = Now;
        lock (_gate)
        {
            var due = new List<(DateTimeOffset At, int Id)>();
            foreach (int id in _roster.DeviceIds)
            {
                if (_devices.TryGetValue(id, out var d) && d.Address is null && !d.InPipeline && d.NotBefore <= now && dueOf(id) is var at && at <= now)
                {
                    due.Add((at, id));
                }
            }

            if (due.Count > max)
            {
                due.Sort();
                due.RemoveRange(max, due.Count - max);
            }

            var claimed = new int[due.Count];
            for (int i = 0; i < due.Count; i++)
            {
                _devices[due[i].Id].InPipeline = true;
                claimed[i] = due[i].Id;
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
}
