using System.Net;

namespace MotionServer.Pipeline.State;

/// <summary>Claims (<see cref="FleetClaims"/>): a device is in the Dataflow graph at most once; the sweep and the probe claim it, the graph's end releases it.</summary>
internal sealed partial class FleetState
{
    /// <summary>
    /// Claims every device that detection should look for now, whatever its own look schedule (no address, not in
    /// the graph, not pacing after a failure, or due a re-plan). A claimed device belongs to the graph until <see cref="Release"/>.
    /// </summary>
    public IReadOnlyList<int> ClaimForDetection() => ClaimForDetection(_ => DateTimeOffset.MinValue, int.MaxValue);

    /// <inheritdoc cref="FleetClaims.ForDetection"/>
    public IReadOnlyList<int> ClaimForDetection(Func<int, DateTimeOffset> dueOf, int max)
    {
        var now = Now;
        long timestamp = _time.GetTimestamp();
        return UnderLock(_ => _claims.ForDetection(dueOf, max, now, timestamp));
    }

    /// <summary>
    /// Claims, earliest due first, at most <paramref name="max"/> of the completed devices whose next presence probe,
    /// <paramref name="dueAt"/> (called under the lock, so quick), is not later than <paramref name="until"/>.
    /// </summary>
    public IReadOnlyList<(int Id, IPAddress Address)> ClaimForPresenceProbe(Func<int, TimeSpan> dueAt, TimeSpan until, int max) =>
        UnderLock(_ => _claims.ForPresenceProbe(dueAt, until, max));

    /// <summary>
    /// Claims a device of the roster that is not in the graph, for work on its files outside it (so no worker holds its
    /// ledger meanwhile); false when it is in the graph or off the roster. Released by <see cref="Release"/>.
    /// </summary>
    public bool TryClaimIdle(int id) => UnderLock(_ => _claims.TryClaimIdle(id));

    /// <summary>The device has left the graph; it may be claimed again.</summary>
    public void Release(int id) => Announce(UnderLock(_ => _claims.Release(id, Now)));
}
