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
                if (_devices.TryGetValue(id, out var d) && !d.InPipeline
                    && ((d.Address is null && d.NotBefore <= now) || d.ReplanOwed))
                {
                    // A device to plan again after a roster change goes through detection → inspection like one
                    // just found: its address is looked up afresh, and one that has gone is said disconnected (Release).
                    d.Address = null;
                    d.ReplanOwed = false;
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
