using System.Collections.Concurrent;
using System.Net;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Name lookups for detection's looks, with the rule that keeps a few hung names from using up the capacity
/// (Detection:Lookups) the other devices need:
/// <list type="bullet">
/// <item>a look waits for its lookup at most Detection:ConnectTimeout, then counts the name as not found;</item>
/// <item>a name has at most one lookup outstanding: while an earlier one still runs (it outlived its timeout), the name
/// is not found at once, with no new lookup and no wait, until that lookup returns.</item>
/// </list>
/// So a name whose lookup never returns costs one look one timeout, then nothing; the lookups blocked in the resolver
/// are at most Detection:Lookups plus one per hung name.
/// <para>
/// A resolver whose lookups end in time by themselves (DNS asked directly) is simply awaited: no timer and no linked
/// token per lookup, which at rest would be a good part of what a lookup costs.
/// </para>
/// </summary>
internal sealed class NameLookups(IAddressResolver resolver, TimeSpan timeout, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Task<IPAddress?>> _outstanding = new(StringComparer.OrdinalIgnoreCase);

    private static readonly Task<IPAddress?> NotFound = Task.FromResult<IPAddress?>(null);

    /// <summary>The name's address, or null: not found, too slow, or still being looked up from an earlier look.</summary>
    public Task<IPAddress?> ResolveAsync(string hostname, CancellationToken stopping)
    {
        // Not async itself: every look at rest comes through here, and a state machine of its own for a choice between
        // two others was an allocation per lookup.
        if (_outstanding.ContainsKey(hostname))
        {
            return NotFound;
        }

        return resolver.EndsWithinTimeout ? ResolveInTimeAsync(hostname, stopping) : ResolveGivingUpAsync(hostname, stopping);
    }

    private async Task<IPAddress?> ResolveGivingUpAsync(string hostname, CancellationToken stopping)
    {
        // The token tells the resolver this look has given up (at the timeout, or stopping): a lookup not started by
        // then need not start. One that started runs to its end: the look stops waiting for it at the timeout, and the
        // name counts as outstanding until it ends. Nothing here throws for a slow or given-up lookup: at rest a
        // thousand names are looked up every few seconds, and exceptions would be most of the cost.
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var lookup = resolver.ResolveAsync(hostname, giveUp.Token);
        if (!lookup.IsCompleted)
        {
            _outstanding[hostname] = lookup;
            await Task.WhenAny(lookup, Task.Delay(timeout, time, giveUp.Token)).ConfigureAwait(false);
            await giveUp.CancelAsync().ConfigureAwait(false); // ends the delay, or a lookup still waiting for a thread
            if (lookup.IsCompleted)
            {
                // Ended in time: the name is free before this look ends, so the device's next look asks again. (A
                // continuation doing this was queued behind the look's own and could run after the next look.)
                Forget(_outstanding, hostname, lookup);
            }
            else
            {
                // Outlived the timeout: the name stays outstanding until the lookup ends, whenever that is.
                _ = lookup.ContinueWith(
                    static (done, state) =>
                    {
                        var (outstanding, name) = ((ConcurrentDictionary<string, Task<IPAddress?>>, string))state!;
                        Forget(outstanding, name, done);
                    },
                    (_outstanding, hostname),
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }

        stopping.ThrowIfCancellationRequested();
        return lookup.IsCompletedSuccessfully ? lookup.Result : null; // slower than the timeout, failed or given up: not found
    }

    private static void Forget(ConcurrentDictionary<string, Task<IPAddress?>> outstanding, string hostname, Task<IPAddress?> lookup)
    {
        outstanding.TryRemove(KeyValuePair.Create(hostname, lookup));
        _ = lookup.Exception; // observed: a failed lookup is a name not found
    }

    private async Task<IPAddress?> ResolveInTimeAsync(string hostname, CancellationToken stopping)
    {
        var lookup = resolver.ResolveAsync(hostname, stopping);
        if (!lookup.IsCompleted && _outstanding.TryAdd(hostname, lookup))
        {
            await ((Task)lookup).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _outstanding.TryRemove(KeyValuePair.Create(hostname, lookup));
        }
        else if (!lookup.IsCompleted)
        {
            return null; // another look at this name started meanwhile: its lookup answers
        }

        stopping.ThrowIfCancellationRequested();
        return lookup.IsCompletedSuccessfully ? lookup.Result : null;
    }
}
