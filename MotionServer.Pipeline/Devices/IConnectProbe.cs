using System.Net;

namespace MotionServer.Pipeline.Devices;

/// <summary>A TCP connect that never throws: true when something accepted the connection in time.</summary>
/// <remarks>
/// Internal on purpose, not an extension point: "on the network" means that the device's port accepts a connection,
/// and both detection and the departure policy rest on that meaning. It is a seam for tests that script the network.
/// </remarks>
internal interface IConnectProbe
{
    Task<bool> CanConnectAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken);
}
