namespace MotionServer.Pipeline.State;

/// <summary>
/// Read access to the fleet's state for dashboards and embedding tools. Snapshots are immutable;
/// the event is raised on the thread that made the change, so handlers must be quick and must not block.
/// </summary>
public interface IMotionFleet
{
    /// <summary>Raised after any device changes status.</summary>
    event EventHandler<MotionStatusChange>? StatusChanged;

    /// <summary>The whole fleet now.</summary>
    FleetSnapshot GetSnapshot();

    /// <summary>One device now, or null when it is not on the roster.</summary>
    MotionSnapshot? GetMotion(int deviceId);
}
