using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.State;

/// <summary>
/// The loggers the pipeline writes with. <see cref="Server"/> for lines about the server itself; <see cref="For(int)"/>
/// for lines about one device, so the recent-events page knows which device each line is about.
/// </summary>
internal sealed class FleetLog(ILogger inner, RecentEvents events)
{
    /// <summary>Keeps the notable lines in <paramref name="fleet"/>'s recent events.</summary>
    public FleetLog(ILogger inner, FleetState fleet)
        : this(inner, fleet.Events)
    {
    }

    public ILogger Server { get; } = new FleetEventLogger(inner, events, deviceId: null);

    /// <summary>The logger for lines about device <paramref name="deviceId"/>.</summary>
    public ILogger For(int deviceId) => new FleetEventLogger(inner, events, deviceId);
}
