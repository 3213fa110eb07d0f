using System.ComponentModel.DataAnnotations;

namespace MotionServer.Pipeline.Configuration;

/// <summary>How devices are named and reached (<c>MotionServer:Network</c>).</summary>
public sealed class NetworkOptions
{
    /// <summary>Device host name; <c>{id}</c> becomes the device id. Default <c>motion-{id}</c>.</summary>
    public string HostnameTemplate { get; set; } = MotionServerDefaults.HostnameTemplate;

    /// <summary>Device HTTP port. Default 80.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = MotionServerDefaults.Port;

    /// <summary>
    /// Optional hosts-format file (<c>&lt;ip&gt; &lt;name&gt;</c> lines) consulted before DNS and re-read
    /// when it changes, for routers that do not register DHCP names. Relative to the event folder.
    /// </summary>
    public string? HostsFile { get; set; }

    /// <summary>
    /// Addresses that mean "no such host" (some routers answer every unknown name with one).
    /// Default <c>10.10.10.10</c>.
    /// </summary>
    public IList<string> IgnoredAddresses { get; } = [.. MotionServerDefaults.IgnoredAddresses];

    /// <summary>The host name of one device.</summary>
    public string HostnameFor(int deviceId) =>
        HostnameTemplate.Replace("{id}", deviceId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
