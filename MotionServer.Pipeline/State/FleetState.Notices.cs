namespace MotionServer.Pipeline.State;

internal sealed partial class FleetState
{
    /// <summary>Host names of the devices flagged as needing attention now, sorted.</summary>
    public IReadOnlyList<string> HostnamesNeedingAttention()
    {
        lock (_gate)
        {
            return [.. _devices.Values.Where(d => !string.IsNullOrEmpty(d.Attention)).Select(d => d.Hostname).Order(StringComparer.Ordinal)];
        }
    }
}
