namespace MotionServer.Pipeline.Detection;

/// <summary>
/// At most Detection:LookupsPerSecond looks started in any one second (each look asks the network for a name once),
/// so that neither the event's router nor this laptop's processor pays for the whole roster every
/// Detection:ArrivalInterval during a rush. A window of the last second's starts, not a refilling bucket: a bucket
/// could let twice its rate through in one second (a full bucket, then its refill). Times are on its user's monotonic
/// clock: the schedule's loop counts the looks it starts, the system resolver's path and the DNS client the queries
/// where they leave. Not thread-safe: each user holds it under its own lock or on its one thread.
/// </summary>
internal sealed class LookupBudget(int perSecond)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Queue<TimeSpan> _started = new(); // the starts of the last second, oldest first

    /// <summary>False when looks are not rationed (Detection:LookupsPerSecond 0).</summary>
    public bool Rationed => perSecond > 0;

    /// <summary>How many looks may start at <paramref name="now"/> (int.MaxValue when not rationed).</summary>
    public int Available(TimeSpan now)
    {
        if (!Rationed)
        {
            return int.MaxValue;
        }

        while (_started.TryPeek(out var at) && at <= now - Window)
        {
            _started.Dequeue();
        }

        return perSecond - _started.Count;
    }

    /// <summary><paramref name="count"/> looks started at <paramref name="now"/>.</summary>
    public void Spend(int count, TimeSpan now)
    {
        if (!Rationed)
        {
            return;
        }

        for (int i = 0; i < count; i++)
        {
            _started.Enqueue(now);
        }
    }

    /// <summary>When the next look may start, once <see cref="Available"/> said none may now.</summary>
    public TimeSpan NextFree(TimeSpan now) => _started.TryPeek(out var oldest) ? oldest + Window : now;
}
