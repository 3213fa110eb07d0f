using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.Detection.Dns;

/// <summary>
/// How detection looks names up (Detection:NameLookup), and why: DNS asked directly when the setting allows it and
/// this system would ask the same servers itself, otherwise the system's resolver (getaddrinfo); or, when the setting
/// says so, the hosts files alone and never the network.
/// </summary>
internal sealed record NameLookupChoice(DirectNameLookup? Direct, string How, string Why)
{
    public const string DirectSetting = "direct";
    public const string SystemSetting = "system";
    public const string HostsSetting = "hosts";
    public const string NsswitchPath = "/etc/nsswitch.conf";

    /// <summary>
    /// The choice for <paramref name="options"/> on this system; a direct lookup chosen owns sockets and a thread and
    /// is disposed with the resolver.
    /// </summary>
    public static NameLookupChoice Make(MotionServerOptions options, string resolvConf = ResolverConfiguration.SystemPath,
        string nsswitch = NsswitchPath, TimeProvider? time = null)
    {
        if (string.Equals(options.Detection.NameLookup, SystemSetting, StringComparison.OrdinalIgnoreCase))
        {
            return System("Detection:NameLookup is system");
        }

        if (string.Equals(options.Detection.NameLookup, HostsSetting, StringComparison.OrdinalIgnoreCase))
        {
            return HostsFilesOnly;
        }

        if (!OperatingSystem.IsLinux())
        {
            return System("direct lookups are for Linux");
        }

        if (options.Network.HostnameTemplate.TrimEnd('.').EndsWith(".local", StringComparison.OrdinalIgnoreCase))
        {
            return System(".local names are multicast DNS, which only the system resolver asks");
        }

        if (!HostsLookUpDns(nsswitch))
        {
            return System($"the hosts line of {nsswitch} does not ask DNS");
        }

        if (ResolverConfiguration.Read(resolvConf) is not { } configuration)
        {
            return System($"{resolvConf} names no usable name server");
        }

        return DirectChoice(configuration, options.Detection, resolvConf, time);
    }

    private static NameLookupChoice DirectChoice(ResolverConfiguration configuration, DetectionOptions detection, string resolvConf, TimeProvider? time)
    {
        // Detection:LookupsPerSecond counted again where the queries leave (the schedule counts the looks it starts).
        DnsLookupClient NewClient(IReadOnlyList<System.Net.IPEndPoint> servers) =>
            new(servers, time, sendsPerSecond: detection.LookupsPerSecond);

        DnsLookupClient client;
        try
        {
            client = NewClient(configuration.NameServers);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return System($"no socket for the name servers: {e.Message}");
        }

        string servers = string.Join(", ", configuration.NameServers.Select(s => s.Address));
        var direct = new DirectNameLookup(configuration, client, detection.ConnectTimeout, time, watched: resolvConf, newClient: NewClient);
        return new NameLookupChoice(direct, $"direct to DNS at {servers}", $"from {resolvConf}");
    }

    /// <summary>
    /// True when only the hosts files are read (Network:HostsFile, then the system's): a name in neither is not found,
    /// and no name server is ever asked.
    /// </summary>
    public bool HostsOnly { get; private init; }

    /// <summary>The hosts files alone (Detection:NameLookup <c>hosts</c>).</summary>
    public static NameLookupChoice HostsFilesOnly { get; } =
        new(null, "the hosts files only", "Detection:NameLookup is hosts") { HostsOnly = true };

    private static NameLookupChoice System(string why) => new(null, "the system resolver", why);

    /// <summary>
    /// Whether the system asks DNS for host names: the <c>hosts:</c> line names <c>dns</c>, or <c>resolve</c>
    /// (systemd-resolved, whose stub is the name server in resolv.conf). Without the file glibc asks DNS.
    /// </summary>
    internal static bool HostsLookUpDns(string nsswitch)
    {
        string text;
        try
        {
            text = File.ReadAllText(nsswitch);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return HostsLineAsksDns(text);
    }

    /// <summary>Whether nsswitch.conf text's <c>hosts:</c> line names <c>dns</c> or <c>resolve</c>.</summary>
    internal static bool HostsLineAsksDns(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            int hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.StartsWith("hosts:", StringComparison.Ordinal))
            {
                return line[6..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Any(s => s is "dns" or "resolve");
            }
        }

        return true; // no hosts line: glibc's default asks DNS
    }
}
