using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Detection.Dns;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Resolves device names: the optional hosts file first, then either DNS asked directly (<see cref="DirectNameLookup"/>,
/// after the system's hosts file, when <paramref name="choice"/> has one), the system's hosts file alone (when
/// <paramref name="choice"/> is <see cref="NameLookupChoice.HostsOnly"/>) or the operating system's resolver
/// (<see cref="SystemNameLookup"/>: IPv4 addresses, getaddrinfo on Linux, run on <see cref="LookupThreads"/>).
/// Addresses that a router gives every unknown name (10.10.10.10 by default) count as "not found".
/// </summary>
internal sealed partial class DeviceAddressResolver(HostsFile? hostsFile, IReadOnlyCollection<IPAddress> ignored, ILogger? logger = null,
    int lookupThreads = MotionServerDefaults.DetectionLookups, int queriesPerSecond = 0, TimeProvider? time = null,
    NameLookupChoice? choice = null, HostsFile? systemHostsFile = null) : IAddressResolver, IDisposable
{
    private readonly DirectNameLookup? _direct = Announced(choice, logger)?.Direct;

    // Asked before DNS as getaddrinfo would (nsswitch "files" first), when DNS is asked directly; the only other place
    // looked in when the hosts files are all there is.
    private readonly HostsFile? _systemHosts = choice is { Direct: not null } or { HostsOnly: true }
        ? systemHostsFile ?? new HostsFile("/etc/hosts")
        : null;

    private readonly bool _hostsOnly = choice?.HostsOnly == true;

    // Names last seen resolving to an ignored address: the log says so once per name, not at every sweep
    // (an absent device is looked for every few seconds all day).
    private readonly ConcurrentDictionary<string, byte> _reportedIgnored = new(StringComparer.OrdinalIgnoreCase);
    private readonly LookupThreads _threads = new(lookupThreads);

    // Detection:LookupsPerSecond again, where the system's lookup leaves: the schedule starts at most that many looks a
    // second, but on a laptop short of processor time lookups started in one second can wait in the lookup threads'
    // line and leave together with the next second's. One that would exceed the rate is not asked (the name is not
    // found this look, and what is known of its catch-all answer stays; the device is looked for again at its next).
    // DNS asked directly keeps the rate in its client, where each datagram leaves (DnsLookupClient).
    private readonly LookupBudget _queries = new(queriesPerSecond);
    private readonly Lock _queriesGate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly long _origin = (time ?? TimeProvider.System).GetTimestamp();

    /// <summary>How many device names resolve, at their last lookup, to an ignored address (a router's catch-all answer).</summary>
    public int NamesAnsweredByCatchAll => _reportedIgnored.Count;

    /// <summary>The ignored address last given for a name, or null.</summary>
    public string? CatchAllAddress { get; private set; }

    /// <summary>True when DNS is asked directly: every lookup then ends within Detection:ConnectTimeout by itself.</summary>
    public bool EndsWithinTimeout => _direct is not null || _hostsOnly;

    public Task<IPAddress?> ResolveAsync(string hostname, CancellationToken cancellationToken)
    {
        if (hostsFile?.Lookup(hostname) is { } listed)
        {
            return Task.FromResult(Choose(hostname, [listed]));
        }

        if (_hostsOnly)
        {
            return Task.FromResult(Choose(hostname, _systemHosts?.Lookup(hostname) is { } inSystemHosts ? [inSystemHosts] : []));
        }

        if (_direct is not null)
        {
            return _systemHosts?.Lookup(hostname) is { } known
                ? Task.FromResult(Choose(hostname, [known]))
                : ResolveDirectAsync(_direct, hostname);
        }

        // The blocking lookup on a lookup thread (not the thread pool's). The task ends when the lookup does: the caller
        // (NameLookups) decides how long to wait, and knows the name's lookup is still running until then. Not awaited
        // here: a lookup given up before it started ends cancelled without an exception thrown on the way.
        return _threads.Run(() => MayAsk() ? Choose(hostname, SystemNameLookup.LookUp(hostname)) : null, cancellationToken);
    }

    private async Task<IPAddress?> ResolveDirectAsync(DirectNameLookup direct, string hostname)
    {
        var addresses = await direct.LookUpAsync(hostname).ConfigureAwait(false) ?? await SystemWithin(direct.Timeout, hostname).ConfigureAwait(false);
        return Choose(hostname, addresses);
    }

    /// <summary>
    /// The system's lookup, for the rare answer too long for a datagram (it would ask again over TCP), waited for no
    /// longer than <paramref name="timeout"/> (a timer for this lookup only) so that the lookup still ends in time.
    /// </summary>
    private async Task<IPAddress[]> SystemWithin(TimeSpan timeout, string hostname)
    {
        var lookup = _threads.Run(() => SystemNameLookup.LookUp(hostname), CancellationToken.None);
        await Task.WhenAny(lookup, Task.Delay(timeout, _time)).ConfigureAwait(false);
        return lookup.IsCompletedSuccessfully ? lookup.Result : [];
    }

    private static NameLookupChoice? Announced(NameLookupChoice? choice, ILogger? logger)
    {
        if (choice is not null && logger is not null)
        {
            NameLookupChosen(logger, choice.How, choice.Why);
        }

        return choice;
    }

    /// <summary>Closes the direct lookup's sockets and ends its thread (lookups waiting end "not found").</summary>
    public void Dispose() => _direct?.Dispose();

    private bool MayAsk()
    {
        var now = _time.GetElapsedTime(_origin);
        lock (_queriesGate)
        {
            if (_queries.Available(now) <= 0)
            {
                return false;
            }

            _queries.Spend(1, now);
            return true;
        }
    }

    private IPAddress? Choose(string hostname, IPAddress[] addresses)
    {
        // Devices speak IPv4; prefer it, but accept IPv6 if that is all the network gives. A plain loop: this runs for
        // every absent device every few seconds.
        IPAddress? usable = null;
        IPAddress? catchAll = null;
        foreach (var a in addresses)
        {
            if (ignored.Contains(a))
            {
                catchAll ??= a;
            }
            else if (!a.Equals(IPAddress.Any) && !a.Equals(IPAddress.IPv6Any)
                && (usable is null || (usable.AddressFamily != AddressFamily.InterNetwork && a.AddressFamily == AddressFamily.InterNetwork)))
            {
                usable = a;
            }
        }

        if (usable is null && catchAll is not null)
        {
            CatchAllAddress = catchAll.ToString();
            if (_reportedIgnored.TryAdd(hostname, 0) && logger is not null)
            {
                IgnoredAddress(logger, hostname, catchAll.ToString());
            }
        }
        else
        {
            _reportedIgnored.TryRemove(hostname, out _);
        }

        return usable;
    }
}
