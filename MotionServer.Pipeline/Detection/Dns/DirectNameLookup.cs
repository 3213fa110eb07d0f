using System.Net;
using System.Net.Sockets;
using MotionServer.Pipeline.Files;

namespace MotionServer.Pipeline.Detection.Dns;

/// <summary>
/// A device name's IPv4 addresses asked of the name servers in <c>/etc/resolv.conf</c> directly
/// (<see cref="DnsLookupClient"/>), under the names getaddrinfo would ask (<see cref="ResolverConfiguration.CandidatesFor"/>),
/// within the look's time (Detection:ConnectTimeout): the whole lookup ends by then, whatever the servers do.
/// <para>
/// Given the file it came from, the configuration is read again when the file changes (looked at every
/// <see cref="RecheckEvery"/> at most), as glibc does: a laptop that joins the event's network after the server
/// started gets that network's name server. Changed servers get a new client; the old one's questions end unanswered.
/// </para>
/// </summary>
internal sealed class DirectNameLookup : IDisposable
{
    /// <summary>How often the configuration file is looked at, at most.</summary>
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;
    private readonly PolledFile? _file;
    private readonly Func<IReadOnlyList<IPEndPoint>, DnsLookupClient> _newClient;
    private readonly Lock _gate = new();
    private volatile Current _current;

    /// <param name="configuration">The configuration in use.</param>
    /// <param name="client">The client of its name servers.</param>
    /// <param name="timeout">How long a lookup may take at most.</param>
    /// <param name="time">The clock of the timeout and of the file's rechecks.</param>
    /// <param name="watched">The file <paramref name="configuration"/> came from, read again when it changes; null: never.</param>
    /// <param name="newClient">A client for changed name servers (tests map them to their own ports).</param>
    public DirectNameLookup(ResolverConfiguration configuration, DnsLookupClient client, TimeSpan timeout, TimeProvider? time = null,
        string? watched = null, Func<IReadOnlyList<IPEndPoint>, DnsLookupClient>? newClient = null)
    {
        _time = time ?? TimeProvider.System;
        _current = new Current(configuration, client);
        Timeout = timeout;
        _file = watched is null ? null : new PolledFile(watched, _time, RecheckEvery);
        _newClient = newClient ?? (servers => new DnsLookupClient(servers));
        if (_file?.Poll() is { Change: FileChange.Changed } first)
        {
            _file.Accept(first.Stamp); // the content just read
        }
    }

    /// <summary>How long a lookup may take at most.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// The name's addresses (none: not found, or no answer in time), or null when only the system's resolver can say
    /// (an answer too long for a datagram). Never fails.
    /// </summary>
    public async Task<IPAddress[]?> LookUpAsync(string hostname)
    {
        var (configuration, client) = Refreshed();
        long started = _time.GetTimestamp();
        foreach (var candidate in configuration.CandidatesFor(hostname))
        {
            var left = Timeout - _time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            var answer = await client.AskAsync(candidate, left).ConfigureAwait(false);
            switch (answer.Outcome)
            {
                case DnsOutcome.Found:
                    return answer.Addresses;
                case DnsOutcome.Truncated:
                    return null;
                case DnsOutcome.NoAnswer:
                    return []; // no server answered in time: the next look asks again
            }

            // No such name, no address, a server failure: the next candidate, as getaddrinfo goes on searching.
        }

        return [];
    }

    /// <summary>The configuration and client to use now: read again when the file changed.</summary>
    private Current Refreshed()
    {
        if (_file is null)
        {
            return _current;
        }

        lock (_gate) // the poller is not thread-safe; a look at the file's time is cheap and rare (RecheckEvery)
        {
            var poll = _file.Poll();
            if (poll.Change != FileChange.Changed)
            {
                return _current;
            }

            _file.Accept(poll.Stamp);
            if (ResolverConfiguration.Read(_file.Path) is { } read)
            {
                Use(read);
            }

            return _current; // a file without a usable server now: the last ones are still asked
        }
    }

    private void Use(ResolverConfiguration read)
    {
        var old = _current;
        if (old.Configuration.NameServers.SequenceEqual(read.NameServers))
        {
            _current = old with { Configuration = read };
            return;
        }

        try
        {
            _current = new Current(read, _newClient(read.NameServers));
            old.Client.Dispose();
        }
        catch (SocketException)
        {
            // No socket for the new servers (an IPv6 server on a host without IPv6): the old ones are still asked.
        }
    }

    public void Dispose() => _current.Client.Dispose();

    private sealed record Current(ResolverConfiguration Configuration, DnsLookupClient Client);
}
