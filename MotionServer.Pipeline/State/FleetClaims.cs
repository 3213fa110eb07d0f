using System.Net;

namespace MotionServer.Pipeline.State;

/// <summary>
/// Who owns which device: a device is in the Dataflow graph (or in a visit outside it) at most once. The detection sweep,
/// the presence probe and off-graph work claim it; the graph's end releases it. Works on the <see cref="FleetBook"/> under
/// <see cref="FleetState"/>'s lock.
/// </summary>
internal sealed class FleetClaims(FleetBook book)
{
    /// <summary>
    /// Claims, earliest due first, at most <paramref name="max"/> of the devices detection should look for now (no address,
    /// not in the graph, not pacing after a failure: <paramref name="timestamp"/> past its NotBefore) whose own next look,
    /// <paramref name="dueOf"/>, is not after <paramref name="now"/>; and, first of all, every device due a re-plan.
    /// </summary>
    public int[] ForDetection(Func<int, DateTimeOffset> dueOf, int max, DateTimeOffset now, long timestamp)
    {
        var due = new List<(DateTimeOffset At, int Id)>();
        foreach (int id in book.Roster.DeviceIds)
        {
            if (book.Find(id) is not { InPipeline: false } d)
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

        return [.. due.Select(item => Claim(book.Find(item.Id)!))];
    }

    private static int Claim(DeviceState d)
    {
        if (d.ReplanOwed)
        {
            // A device to plan again after a roster change goes through detection → inspection like one just found: its
            // address is looked up afresh, and one that has gone is said disconnected (DetectionStage, or Release).
            d.Address = null;
            d.ReplanOwed = false;
        }

        d.InPipeline = true;
        return d.Id;
    }

    /// <summary>
    /// Claims, earliest due first, at most <paramref name="max"/> of the completed devices with an address, not in the
    /// graph, whose next probe, <paramref name="dueAt"/> (on the caller's clock; called under the fleet's lock, so quick),
    /// is not later than <paramref name="until"/>. A claimed device belongs to the probe until it is released.
    /// </summary>
    public (int Id, IPAddress Address)[] ForPresenceProbe(Func<int, TimeSpan> dueAt, TimeSpan until, int max)
    {
        var due = new List<(TimeSpan At, DeviceState Device, IPAddress Address)>();
        foreach (var d in book.Devices)
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

        foreach (var item in due)
        {
            item.Device.InPipeline = true;
        }

        return [.. due.Select(item => (item.Device.Id, item.Address))];
    }

    /// <summary>Claims a device of the roster that is not in the graph; false when it is in the graph or off the roster.</summary>
    public bool TryClaimIdle(int id)
    {
        if (!book.Roster.Contains(id) || book.Find(id) is not { InPipeline: false } d)
        {
            return false;
        }

        d.InPipeline = true;
        return true;
    }

    /// <summary>
    /// The device has left the graph; it may be claimed again. One taken off the roster meanwhile departs now; one whose
    /// re-plan look did not find it has left (<see cref="StatusTrigger.Released"/>).
    /// </summary>
    /// <returns>The status change to announce, if any.</returns>
    public MotionStatusChange? Release(int id, DateTimeOffset now)
    {
        if (book.Find(id) is not { } d)
        {
            return null;
        }

        d.InPipeline = false;
        if (!book.Roster.Contains(id))
        {
            book.Depart(d);
            return null;
        }

        return d.Apply(StatusTrigger.Released, now);
    }
}
