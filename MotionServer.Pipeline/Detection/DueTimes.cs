namespace MotionServer.Pipeline.Detection;

/// <summary>
/// When each device a look missed is next due, on the <see cref="ScheduleClock"/>, with the earliest of those still
/// to come at hand. A device not in it (never looked for, found, back from the retry path) is due at once. Written by
/// the schedule's loop only; the lock lets a reader elsewhere (tests) see a due time whole.
/// </summary>
internal sealed class DueTimes
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, TimeSpan> _due = [];

    // Earliest first. A device's entry is current while it matches _due; others (changed or removed since) are
    // dropped when they reach the front, as are entries whose time has come (they stay in _due).
    private readonly PriorityQueue<int, TimeSpan> _upcoming = new();

    /// <summary>The device is next due <paramref name="at"/>.</summary>
    public void Set(int deviceId, TimeSpan at)
    {
        lock (_gate)
        {
            _due[deviceId] = at;
            _upcoming.Enqueue(deviceId, at);
        }
    }

    /// <summary>Forgets the device's due time (it is due at once); true when it had one.</summary>
    public bool Remove(int deviceId)
    {
        lock (_gate)
        {
            return _due.Remove(deviceId);
        }
    }

    /// <summary>The device's due time, if it has one.</summary>
    public bool TryGet(int deviceId, out TimeSpan at)
    {
        lock (_gate)
        {
            return _due.TryGetValue(deviceId, out at);
        }
    }

    /// <summary>
    /// The earliest due time later than <paramref name="moment"/>, or null when there is none. Due times not later are
    /// dropped from the ordering (they stay due, for the claim), so <paramref name="moment"/> must never go back.
    /// </summary>
    public TimeSpan? NextAfter(TimeSpan moment)
    {
        lock (_gate)
        {
            while (_upcoming.TryPeek(out int id, out var at))
            {
                if (at > moment && _due.TryGetValue(id, out var current) && current == at)
                {
                    return at;
                }

                _upcoming.Dequeue();
            }

            return null;
        }
    }

    /// <summary>
    /// What the fleet's claim is told of the device's due time. It claims the devices whose time has come, earliest
    /// first, by comparing this with its wall clock, but these due times are monotonic: a device due answers a moment
    /// at the very start of the calendar (in the order it fell due; at once: the very first), one not yet due its
    /// very end. The wall clock, wherever it was set, lies between.
    /// </summary>
    public DateTimeOffset ClaimOrder(int deviceId, TimeSpan now)
    {
        if (!TryGet(deviceId, out var at))
        {
            return DateTimeOffset.MinValue;
        }

        return at <= now ? DateTimeOffset.MinValue + at : DateTimeOffset.MaxValue;
    }

    /// <summary>Every due time later than <paramref name="soon"/> becomes <paramref name="soon"/>.</summary>
    public void BringForwardTo(TimeSpan soon)
    {
        lock (_gate)
        {
            var later = new List<int>();
            foreach (var (id, at) in _due)
            {
                if (at > soon)
                {
                    later.Add(id);
                }
            }

            foreach (int id in later)
            {
                _due[id] = soon;
                _upcoming.Enqueue(id, soon);
            }
        }
    }
}
