namespace MotionServer.Pipeline.Disconnection;

/// <summary>
/// When each device is next probed, on the presence schedule's monotonic clock, with the earliest of those still to
/// come at hand. A device never probed is due at once. Used by the schedule's loop only.
/// </summary>
internal sealed class ProbeDueTimes
{
    private readonly Dictionary<int, TimeSpan> _due = [];

    // Earliest first. An entry is current while it matches _due; others (changed since) are dropped when they reach the
    // front, as are entries whose time has passed (they stay in _due: the device stays due until it is probed).
    private readonly PriorityQueue<int, TimeSpan> _upcoming = new();

    /// <summary>The device is next probed <paramref name="at"/>.</summary>
    public void Set(int deviceId, TimeSpan at)
    {
        _due[deviceId] = at;
        _upcoming.Enqueue(deviceId, at);
    }

    /// <summary>When the device is next probed; <see cref="TimeSpan.MinValue"/> (at once) for one never probed.</summary>
    public TimeSpan Of(int deviceId) => _due.TryGetValue(deviceId, out var at) ? at : TimeSpan.MinValue;

    /// <summary>
    /// The earliest due time later than <paramref name="moment"/>, or null when there is none. Due times not later are
    /// dropped from the ordering (not from the due times), so <paramref name="moment"/> must never go back.
    /// </summary>
    public TimeSpan? NextAfter(TimeSpan moment)
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
