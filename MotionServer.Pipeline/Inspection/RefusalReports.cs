using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// What each device's refused and dropped values were last said to be during its visit: a device that fails and is
/// retried every few seconds sends the same logs.json again, and its 10,000 refused entries must not fill the log at
/// every retry. The same refusals are said once per visit; a device that leaves (disconnected) starts a new visit.
/// </summary>
internal sealed class RefusalReports
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, string> _said = [];

    public RefusalReports(FleetState fleet)
    {
        fleet.StatusChanged += (_, change) =>
        {
            if (change.Current == MotionStatus.Disconnected)
            {
                Forget(change.DeviceId);
            }
        };
    }

    /// <summary>True when <paramref name="fingerprint"/> differs from what was said of the device during this visit (and remembers it).</summary>
    public bool IsNew(int deviceId, string fingerprint)
    {
        lock (_gate)
        {
            if (_said.TryGetValue(deviceId, out string? said) && said == fingerprint)
            {
                return false;
            }

            _said[deviceId] = fingerprint;
            return true;
        }
    }

    private void Forget(int deviceId)
    {
        lock (_gate)
        {
            _said.Remove(deviceId);
        }
    }
}
