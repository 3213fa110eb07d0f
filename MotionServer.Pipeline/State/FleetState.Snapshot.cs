namespace MotionServer.Pipeline.State;

/// <summary>The read model (<see cref="FleetReadModel"/>): immutable snapshots, taken under the lock.</summary>
internal sealed partial class FleetState
{
    public FleetSnapshot GetSnapshot() => UnderLock(_read.Fleet);

    public MotionSnapshot? GetMotion(int deviceId) => UnderLock(book => _read.Motion(book, deviceId));

    /// <summary>Host names of the devices flagged as needing attention now, sorted.</summary>
    public IReadOnlyList<string> HostnamesNeedingAttention() => UnderLock(FleetReadModel.HostnamesNeedingAttention);
}
