using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.State;

/// <summary>
/// The notable things that happened lately, newest first, for the dashboards' recent-events page: the last
/// <see cref="Capacity"/> only. Its own lock: the fleet's loggers write here whoever holds the fleet.
/// </summary>
internal sealed class RecentEvents(TimeProvider time)
{
    public const int Capacity = 200;

    private readonly Lock _gate = new();
    private readonly LinkedList<FleetEvent> _events = new();

    public void Add(LogLevel level, int? deviceId, string message)
    {
        var added = new FleetEvent(time.GetUtcNow(), level, deviceId, message);
        lock (_gate)
        {
            _events.AddFirst(added);
            while (_events.Count > Capacity)
            {
                _events.RemoveLast();
            }
        }
    }

    /// <summary>A copy, newest first.</summary>
    public FleetEvent[] ToArray()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }
}
