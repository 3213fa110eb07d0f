using System.Net;

namespace MotionServer.Pipeline.Detection.Dns;

/// <summary>
/// A device name's IPv4 addresses asked of the name servers in <c>/etc/resolv.conf</c> directly
/// (<see cref="DnsLookupClient"/>), under the names getaddrinfo would ask (<see cref="ResolverConfiguration.CandidatesFor"/>),
/// within the look's time (Detection:ConnectTimeout): the whole lookup ends by then, whatever the servers do.
/// </summary>
internal sealed class DirectNameLookup(ResolverConfiguration configuration, DnsLookupClient client, TimeSpan timeout, TimeProvider? time = null) : IDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>How long a lookup may take at most.</summary>
    public TimeSpan Timeout => timeout;

    /// <summary>
    /// The name's addresses (none: not found, or no answer in time), or null when only the system's resolver can say
    /// (an answer too long for a datagram). Never fails.
    /// </summary>
    public async Task<IPAddress[]?> LookUpAsync(string hostname)
    {
        long started = _time.GetTimestamp();
        foreach (var candidate in configuration.CandidatesFor(hostname))
        {
            var left = timeout - _time.GetElapsedTime(started);
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

    public void Dispose() => client.Dispose();
}
