namespace MotionServer.Pipeline.Detection;

/// <summary>
/// When each device a look missed is next due, on the <see cref="ScheduleClock"/>, with the earliest of those still
/// to come at hand. A device not in it (never looked for, found, back from the retry path) is due at once. Each due
/// time keeps the device's regular one beside it (one Detection:Interval after the look that missed it): a due time
/// earlier than that is the arrival pace's, which gives way when lookups are rationed (<see cref="ClaimOrder(int, TimeSpan, bool)"/>).
/// Written by the schedule's loop only; the lock lets a reader elsewhere (tests) see a due time whole.
/// </summary>
internal sealed class DueTimes
{
    /// <summary>
    /// How far behind the others the claim puts a look due only by the arrival pace, for a device no sign says is
    /// about to arrive: still a moment long before any wall clock (year 101), so it is still due.
    /// </summary>
    private static readonly TimeSpan GivesWay = TimeSpan.FromDays(100 * 365);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, (TimeSpan At, TimeSpan Regular)> _due = [];

    // Earliest first. A device's entry is current while it matches _due; others (changed or removed since) are
    // dropped when they reach the front, as are entries whose time has come (they stay in _due).
    private readonly PriorityQueue<int, TimeSpan> _upcoming = new();

    /// <summary>
    /// The device is next due <paramref name="at"/>; its regular due time is <paramref name="regular"/> (by default the
    /// same: a due time of the arrival pace is earlier).
    /// </summary>
    public void Set(int deviceId, TimeSpan at, TimeSpan? regular = null)
    {
        lock (_gate)
        {
            _due[deviceId] = (at, regular ?? at);
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
            bool known = _due.TryGetValue(deviceId, out var due);
            at = due.At;
            return known;
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
                if (at > moment && _due.TryGetValue(id, out var current) && current.At == at)
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
    public DateTimeOffset ClaimOrder(int deviceId, TimeSpan now) => ClaimOrder(deviceId, now, plausiblyArriving: true);

    /// <summary>
    /// As <see cref="ClaimOrder(int, TimeSpan)"/>, and among the devices due, those due only by the arrival pace that
    /// are not <paramref name="plausiblyArriving"/> come after all the others (still due, so still claimed when
    /// lookups are not rationed): when they are, a look at its regular time and a look at a device about to arrive go
    /// first.
    /// </summary>
    public DateTimeOffset ClaimOrder(int deviceId, TimeSpan now, bool plausiblyArriving)
    {
        (TimeSpan At, TimeSpan Regular) due;
        lock (_gate)
        {
            if (!_due.TryGetValue(deviceId, out due))
            {
                return DateTimeOffset.MinValue;
            }
        }

        if (due.At > now)
        {
            return DateTimeOffset.MaxValue;
        }

        return plausiblyArriving || due.Regular <= now ? DateTimeOffset.MinValue + due.At : DateTimeOffset.MinValue + GivesWay + due.At;
    }

    /// <summary>Every due time later than <paramref name="soon"/> becomes <paramref name="soon"/>.</summary>
    public void BringForwardTo(TimeSpan soon)
    {
        lock (_gate)
        {
            var later = new List<int>();
            foreach (var (id, due) in _due)
            {
                if (due.At > soon)
                {
                    later.Add(id);
                }
            }

            foreach (int id in later)
            {
                _due[id] = (soon, _due[id].Regular);
                _upcoming.Enqueue(id, soon);
            }
        }
    }
}
