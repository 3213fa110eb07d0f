using System.Collections.Concurrent;
using System.Net;
using MotionServer.Pipeline.Devices;

namespace MotionServer.Pipeline.Tests.Support;

/// <summary>A TCP probe for one-class tests: answers what <see cref="Answer"/> says (or throws it), and records every call.</summary>
internal sealed class ScriptedConnectProbe(Func<IPAddress, Task<bool>> answer) : IConnectProbe
{
    private readonly ConcurrentQueue<Call> _calls = new();

    /// <summary>A probe that always answers <paramref name="present"/>.</summary>
    public ScriptedConnectProbe(bool present)
        : this(_ => Task.FromResult(present))
    {
    }

    /// <summary>What the probe says for an address; may throw or never complete.</summary>
    public Func<IPAddress, Task<bool>> Answer { get; set; } = answer;

    public IReadOnlyList<Call> Calls => [.. _calls];

    public Task<bool> CanConnectAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _calls.Enqueue(new Call(address, port, timeout, cancellationToken));
        return Answer(address);
    }

    public sealed record Call(IPAddress Address, int Port, TimeSpan Timeout, CancellationToken Token);
}
