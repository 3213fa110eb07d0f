using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using MotionServer.Pipeline.Detection;

namespace MotionServer.Pipeline.Tests.Detection;

/// <summary>
/// A resolver for one-class tests of detection: every call is recorded with the (fake) time it was made; a name is not
/// found unless given an address, and a name made to hang gets a lookup that never returns.
/// </summary>
internal sealed class ScriptedResolver(TimeProvider time) : IAddressResolver
{
    private readonly ConcurrentDictionary<string, IPAddress> _addresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IPAddress?>> _hung = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(string Name, DateTimeOffset At)> _all = new();

    public Channel<(string Name, DateTimeOffset At)> Calls { get; } = Channel.CreateUnbounded<(string, DateTimeOffset)>();

    public IReadOnlyCollection<(string Name, DateTimeOffset At)> All => _all;

    /// <summary>Says the lookups end in time by themselves (as DNS asked directly does): NameLookups then keeps no time.</summary>
    public bool EndsWithinTimeout { get; set; }

    public void Answer(string name, IPAddress address) => _addresses[name] = address;

    /// <summary>Every lookup of <paramref name="name"/> from now on hangs until <see cref="Release"/>.</summary>
    public void Hang(string name) => _hung[name] = new TaskCompletionSource<IPAddress?>(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string name)
    {
        if (_hung.TryRemove(name, out var gate))
        {
            gate.TrySetResult(null);
        }
    }

    public int CallsFor(string name) => _all.Count(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public Task<IPAddress?> ResolveAsync(string hostname, CancellationToken cancellationToken)
    {
        var call = (hostname, time.GetUtcNow());
        _all.Enqueue(call);
        Calls.Writer.TryWrite(call);
        if (_hung.TryGetValue(hostname, out var gate))
        {
            return gate.Task;
        }

        return Task.FromResult(_addresses.GetValueOrDefault(hostname));
    }

    /// <summary>The next call, within a timeout.</summary>
    public async Task<(string Name, DateTimeOffset At)> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await Calls.Reader.ReadAsync(timeout.Token);
    }
}
