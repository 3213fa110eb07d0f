using System.Net;

namespace MotionServer.Pipeline.State;

/// <summary>The presence schedule's claim: each completed device on its own schedule, so only the ones due are claimed.</summary>
internal sealed partial class FleetState
{
    /// <summary>
    /// Claims, earliest due first, at most <paramref name="max"/> of the completed devices with an address, not in the
    /// graph, whose next probe, <paramref name="dueAt"/> (on the caller's clock; called under the fleet's lock, so quick),
    /// is not later than <paramref name="until"/>. A claimed device belongs to the probe until <see cref="Release"/>.
    /// </summary>
    public IReadOnlyList<(int Id, IPAddress Address)> ClaimForPresenceProbe(Func<int, TimeSpan> dueAt, TimeSpan until, int max)
    {
        lock (_gate)
        {
            var due = new List<(TimeSpan At, DeviceState Device, IPAddress Address)>();
            foreach (var d in _devices.Values)
            {
                if (d.Status == MotionStatus.Completed && d.Address is { } address && !d.InPipeline && dueAt(d.Id) is var at && at <= until)
                {
                    due.Add((at, d, address));
                }
            }

            if (due.Count > max)
            {
                due.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Device.Id.CompareTo(b.Device.Id));
                due.RemoveRange(max, due.Count - max);
            }

            var claimed = new (int, IPAddress)[due.Count];
            for (int i = 0; i < due.Count; i++)
            {
                due[i].Device.InPipeline = true;
                claimed[i] = (due[i].Device.Id, due[i].Address);
            }

            return claimed;
        }
    }
}
