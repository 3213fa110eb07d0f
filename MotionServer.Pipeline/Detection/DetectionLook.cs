using System.Net;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// One look for a device, detection's step (README.md, "How it works"): resolve its name, then try a TCP connect to the port. Each part
/// has its own timeout (Detection:ConnectTimeout); neither throws for a device that is not there.
/// </summary>
internal sealed class DetectionLook(NameLookups names, IConnectProbe probe, MotionServerOptions options)
{
    /// <summary>The device's address when it answers, otherwise null.</summary>
    public async Task<IPAddress?> LookAsync(string hostname, CancellationToken stopping)
    {
        var address = await names.ResolveAsync(hostname, stopping).ConfigureAwait(false);
        if (address is null)
        {
            return null;
        }

        return await probe.CanConnectAsync(address, options.Network.Port, options.Detection.ConnectTimeout, stopping).ConfigureAwait(false)
            ? address
            : null;
    }
}
