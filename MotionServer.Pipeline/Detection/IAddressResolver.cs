using System.Net;

namespace MotionServer.Pipeline.Detection;

/// <summary>Turns a device host name into an address, or null when it is not on the network.</summary>
internal interface IAddressResolver
{
    Task<IPAddress?> ResolveAsync(string hostname, CancellationToken cancellationToken);
}
