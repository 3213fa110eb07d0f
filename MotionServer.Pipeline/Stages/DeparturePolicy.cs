using System.Net;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Stages;

/// <summary>
/// When a device that is not found, or stops answering, has left the network (<c>disconnected</c>) rather than
/// <c>failed</c>. Decided here once, so detection, the presence probe and inspection say the same.
/// </summary>
internal sealed class DeparturePolicy(IConnectProbe probe, FleetState fleet, MotionServerOptions options)
{
    /// <summary>
    /// A device not found by a look or a presence probe has left if it was <c>completed</c> (done, then walked away) or
    /// <c>failed</c> (it will be retried when it returns). Any other status says nothing new: a device never seen, or
    /// already disconnected, is simply still away.
    /// </summary>
    public bool AbsenceIsDeparture(int deviceId) => fleet.StatusOf(deviceId) is MotionStatus.Completed or MotionStatus.Failed;

    /// <summary>
    /// A device detection's look did not find has left as <see cref="AbsenceIsDeparture"/> says, and also when it is
    /// <c>connected</c>: a look is made for a connected device only when a roster change set it back from completed to
    /// be planned again, and then it has walked away since. (A presence probe of a device that is no longer completed
    /// says nothing: detection is looking for it.)
    /// </summary>
    public bool MissedLookIsDeparture(int deviceId) =>
        fleet.StatusOf(deviceId) is MotionStatus.Completed or MotionStatus.Failed or MotionStatus.Connected;

    /// <summary>
    /// A device that stopped answering mid-step is still there (so <c>failed</c>: present, yet not answering as it should)
    /// only if a TCP connect within Detection:ConnectTimeout succeeds. Otherwise it has left, and no attempt is counted
    /// towards "needs attention": a healthy device passing through WiFi range would be flagged.
    /// </summary>
    public async Task<bool> IsStillThereAsync(IPAddress address, CancellationToken cancellationToken)
    {
        try
        {
            return await probe.CanConnectAsync(address, options.Network.Port, options.Detection.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
