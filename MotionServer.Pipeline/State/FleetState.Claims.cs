using System.Net;

namespace MotionServer.Pipeline.State;

/// <summary>Claims: a device is in the Dataflow graph at most once; the sweep and the probe claim it, the graph's end releases it.</summary>
internal sealed partial class FleetState
{
    /// <summary>
    /// Claims every device that detection should look for now, whatever its own look schedule (no address, not in
    /// the graph, not pacing after a failure, or due a re-plan). A claimed device belongs to the graph until
    /// <see cref="Release"/>.
    /// </summary>
    public IReadOnlyList<int> ClaimForDetection() => ClaimForDetection(_ => DateTimeOffset.MinValue, int.MaxValue);

    /// <summary>
    /// Claims, earliest due first, at most <paramref name="max"/> of the devices that detection should look for now
    /// (no address, not in the graph, not pacing after a failure) whose own next look, <paramref name="dueOf"/>, has
    /// come — and, first of all, every device due a re-plan after a roster change.
    /// </summary>
    public IReadOnlyList<int> ClaimForDetection(Func<int, DateTimeOffset> dueOf, int max)
    {
        var now = Now;
        long timestamp = _time.GetTimestamp();
        lock (_gate)
        {
            var due = new List<(DateTimeOffset At, int Id)>();
            foreach (int id in _roster.DeviceIds)
            {
                if (!_devices.TryGetValue(id, out var d) || d.InPipeline)
                {
                    continue;
                }

                if (d.ReplanOwed)
                {
                    due.Add((DateTimeOffset.MinValue, id)); // a re-plan does not wait for the device's next look
                }
                else if (d.Address is null && d.NotBefore <= timestamp && dueOf(id) is var at && at <= now)
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
                var d = _devices[due[i].Id];
                if (d.ReplanOwed)
                {
                    // A device to plan again after a roster change goes through detection → inspection like one
                    // just found: its address is looked up afresh, and one that has gone is said disconnected (Release).
                    d.Address = null;
                    d.ReplanOwed = false;
                }

                d.InPipeline = true;
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

    /// <summary>
    /// Claims a device of the roster that is not in the graph, for work on its files outside it (so no worker holds its
    /// ledger meanwhile); false when it is in the graph or off the roster. Released by <see cref="Release"/>.
    /// </summary>
    public bool TryClaimIdle(int id)
    {
        lock (_gate)
        {
            if (!_roster.Contains(id) || !_devices.TryGetValue(id, out var d) || d.InPipeline)
            {
                return false;
            }

            d.InPipeline = true;
            return true;
        }
    }

    /// <summary>The device has left the graph; it may be claimed again.</summary>
    public void Release(int id)
    {
        MotionStatusChange? change = null;
        lock (_gate)
        {
            if (_devices.TryGetValue(id, out var d))
            {
                d.InPipeline = false;
                if (!_roster.Contains(id))
                {
                    Depart(d);
                }
                else if (d.Status == MotionStatus.Connected && d.Address is null)
                {
                    // Set back to connected for a roster re-plan, and detection did not find it: it has left.
                    change = new MotionStatusChange(id, d.Status, MotionStatus.Disconnected, Now);
                    d.Status = MotionStatus.Disconnected;
                    d.Since = change.Time;
                }
            }
        }

        if (change is not null)
        {
            RaiseStatusChanged(change);
        }
    }
}
