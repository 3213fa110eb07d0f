using System.Net;

namespace MotionServer.Pipeline.Detection;

/// <summary>Turns a device host name into an address, or null when it is not on the network.</summary>
/// <remarks>
/// Internal on purpose, not an extension point: addresses from elsewhere reach the server through the hosts file
/// (<c>Network:HostsFile</c>, read again when it changes), which an embedder can write. The resolver is also where
/// <c>Network:IgnoredAddresses</c> and the hosts file's notices live; one of an embedder's own would lose both.
/// </remarks>
internal interface IAddressResolver
{
    Task<IPAddress?> ResolveAsync(string hostname, CancellationToken cancellationToken);

    /// <summary>
    /// True when every lookup ends by itself within the look's time (Detection:ConnectTimeout), so that the caller
    /// need not keep time for it.
    /// </summary>
    bool EndsWithinTimeout => false;
}
