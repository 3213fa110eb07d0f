using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net;
using MotionServer.Pipeline.Configuration;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Resolves device names: the optional hosts file first, then the operating system's resolver
/// (<see cref="SystemNameLookup"/>: IPv4 addresses, getaddrinfo on Linux, run on <see cref="LookupThreads"/>). Addresses
/// that a router gives every unknown name (10.10.10.10 by default) count as "not found".
/// </summary>
internal sealed partial class DeviceAddressResolver(HostsFile? hostsFile, IReadOnlyCollection<IPAddress> ignored, ILogger? logger = null,
    int lookupThreads = MotionServerDefaults.DetectionLookups, int queriesPerSecond = 0, TimeProvider? time = null) : IAddressResolver
{
    // Names last seen resolving to an ignored address: the log says so once per name, not at every sweep
    // (an absent device is looked for every few seconds all day).
    private readonly ConcurrentDictionary<string, byte> _reportedIgnored = new(StringComparer.OrdinalIgnoreCase);
    private readonly LookupThreads _threads = new(lookupThreads);

    // Detection:LookupsPerSecond again, where the query leaves: the schedule starts at most that many looks a second,
    // but on a laptop short of processor time lookups started in one second can wait in the lookup threads' line and
    // leave together with the next second's. One that would exceed the rate is not asked (the name is not found this
    // look, and what is known of its catch-all answer stays; the device is looked for again at its next).
    private readonly LookupBudget _queries = new(queriesPerSecond);
    private readonly Lock _queriesGate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly long _origin = (time ?? TimeProvider.System).GetTimestamp();

    /// <summary>How many device names resolve, at their last lookup, to an ignored address (a router's catch-all answer).</summary>
    public int NamesAnsweredByCatchAll => _reportedIgnored.Count;

    /// <summary>The ignored address last given for a name, or null.</summary>
    public string? CatchAllAddress { get; private set; }

    public Task<IPAddress?> ResolveAsync(string hostname, CancellationToken cancellationToken)
    {
        if (hostsFile?.Lookup(hostname) is { } listed)
        {
            return Task.FromResult(Choose(hostname, [listed]));
        }

        // The blocking lookup on a lookup thread (not the thread pool's). The task ends when the lookup does: the caller
        // (NameLookups) decides how long to wait, and knows the name's lookup is still running until then. Not awaited
        // here: a lookup given up before it started ends cancelled without an exception thrown on the way.
        return _threads.Run(() => MayAsk() ? Choose(hostname, SystemNameLookup.LookUp(hostname)) : null, cancellationToken);
    }

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
