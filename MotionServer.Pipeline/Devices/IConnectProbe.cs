using System.Net;

namespace MotionServer.Pipeline.Devices;

/// <summary>A TCP connect that never throws: true when something accepted the connection in time.</summary>
internal interface IConnectProbe
{
    Task<bool> CanConnectAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken);
}
