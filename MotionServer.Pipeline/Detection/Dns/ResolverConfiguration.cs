using System.Globalization;
using System.Net;

namespace MotionServer.Pipeline.Detection.Dns;

/// <summary>
/// What the system resolver reads from <c>/etc/resolv.conf</c> and detection needs to ask DNS itself: the name servers
/// (at most 3, as glibc uses), the search domains and <c>ndots</c>. Parsed as glibc does: unknown lines are ignored,
/// the last <c>search</c> or <c>domain</c> line wins, <c>ndots</c> defaults to 1 (at most 15).
/// </summary>
internal sealed class ResolverConfiguration
{
    /// <summary>The file the system resolver reads.</summary>
    public const string SystemPath = "/etc/resolv.conf";

    /// <summary>The name servers glibc asks, at most this many (MAXNS).</summary>
    public const int MaxNameServers = 3;

    private const int DnsPort = 53;
    private const int MaxNdots = 15; // glibc's RES_MAXNDOTS

    private ResolverConfiguration(IReadOnlyList<IPEndPoint> nameServers, IReadOnlyList<string> searchDomains, int ndots)
    {
        NameServers = nameServers;
        SearchDomains = searchDomains;
        Ndots = ndots;
    }

    /// <summary>The name servers, in the file's order, port 53; never empty.</summary>
    public IReadOnlyList<IPEndPoint> NameServers { get; }

    /// <summary>The search domains, in the file's order, without a trailing dot.</summary>
    public IReadOnlyList<string> SearchDomains { get; }

    /// <summary>A name with fewer dots than this is tried with the search domains first.</summary>
    public int Ndots { get; }

    /// <summary>The configuration in <paramref name="path"/>, or null when it cannot be read or names no usable server.</summary>
    public static ResolverConfiguration? Read(string path = SystemPath)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The configuration <paramref name="text"/> says, or null when it names no usable name server.</summary>
    public static ResolverConfiguration? Parse(string text)
    {
        var servers = new List<IPEndPoint>(MaxNameServers);
        IReadOnlyList<string> search = [];
        int ndots = 1;
        foreach (var raw in text.Split('\n'))
        {
            var words = Words(raw);
            if (words.Length < 2)
            {
                continue;
            }

            switch (words[0])
            {
                case "nameserver" when servers.Count < MaxNameServers && NameServer(words[1]) is { } server:
                    servers.Add(server);
                    break;
                case "search":
                    search = Domains(words.AsSpan(1));
                    break;
                case "domain":
                    search = Domains(words.AsSpan(1, 1));
                    break;
                case "options":
                    ndots = ReadNdots(words.AsSpan(1), ndots);
                    break;
            }
        }

        return servers.Count == 0 ? null : new ResolverConfiguration(servers, search, ndots);
    }

    /// <summary>A line's words, without its comment (<c>#</c> or <c>;</c> to the end of the line).</summary>
    private static string[] Words(string line)
    {
        int comment = line.IndexOfAny(['#', ';']);
        return (comment >= 0 ? line[..comment] : line).Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
    }

    private static IPEndPoint? NameServer(string text)
    {
        // An IPv6 address may carry a zone (fe80::1%eth0); IPAddress reads it. 0.0.0.0 means "this host" to glibc.
        if (!IPAddress.TryParse(text, out var address))
        {
            return null;
        }

        return new IPEndPoint(address.Equals(IPAddress.Any) ? IPAddress.Loopback : address, DnsPort);
    }

    private static string[] Domains(ReadOnlySpan<string> words)
    {
        var domains = new List<string>(words.Length);
        foreach (var word in words)
        {
            var domain = word.TrimEnd('.');
            if (domain.Length > 0)
            {
                domains.Add(domain);
            }
        }

        return [.. domains];
    }

    private static int ReadNdots(ReadOnlySpan<string> options, int current)
    {
        foreach (var option in options)
        {
            if (option.StartsWith("ndots:", StringComparison.Ordinal)
                && int.TryParse(option.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                current = Math.Min(n, MaxNdots);
            }
        }

        return current;
    }

    /// <summary>
    /// The names to ask for <paramref name="hostname"/>, in the order getaddrinfo asks them (glibc's res_search): a
    /// name with fewer dots than <see cref="Ndots"/> is tried with each search domain first, then as given; any other
    /// name as given first, then with each search domain. A name ending with a dot is asked as given only. The same
    /// order as the system's, so that a device the system would find is found, under the same name.
    /// </summary>
    public IReadOnlyList<string> CandidatesFor(string hostname)
    {
        if (hostname.EndsWith('.'))
        {
            return [hostname.TrimEnd('.')];
        }

        var candidates = new List<string>(SearchDomains.Count + 1);
        bool few = hostname.Count(c => c == '.') < Ndots;
        if (!few)
        {
            candidates.Add(hostname);
        }

        foreach (var domain in SearchDomains)
        {
            candidates.Add($"{hostname}.{domain}");
        }

        if (few)
        {
            candidates.Add(hostname);
        }

        return candidates;
    }
}
