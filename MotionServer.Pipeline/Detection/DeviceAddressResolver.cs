using System.Net;
using System.Net.Sockets;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Resolves device names: the optional hosts file first, then the operating system's resolver
/// (<see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>, getaddrinfo on Linux). Addresses
/// that a router gives every unknown name (10.10.10.10 by default) count as "not found".
/// </summary>
internal sealed class DeviceAddressResolver(HostsFile? hostsFile, IReadOnlyCollection<IPAddress> ignored) : IAddressResolver
{
    public async Task<IPAddress?> ResolveAsync(string hostname, CancellationToken cancellationToken)
    {
        if (hostsFile?.Lookup(hostname) is { } listed)
        {
            return Usable(listed) ? listed : null;
        }

        IPAddress[] addresses;
        try
        {
            // WaitAsync: a resolver that ignores cancellation must not hold a worker past its timeout.
            addresses = await Dns.GetHostAddressesAsync(hostname, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }

        // Devices speak IPv4; prefer it, but accept IPv6 if that is all the network gives.
        return addresses.Where(Usable).OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault();
    }

    private bool Usable(IPAddress address) =>
        !ignored.Contains(address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any);
}
