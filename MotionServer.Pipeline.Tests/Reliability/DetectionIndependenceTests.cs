using System.Collections.Concurrent;
using System.Net;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 7: detection never waits for inspection or download, nor for a slow name or a silent address. Each test holds
/// the slow thing open for its whole length (a stalled transfer, a lookup that never returns, a connect that never
/// answers) and shows that another device is still detected; none measures a time.
/// </summary>
public sealed class DetectionIndependenceTests : ReliabilityTest
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task NewDevice_ReachesConnected_WhileEveryDownloadWorkerIsHeld()
    {
        // One worker and a capacity of two per stage: a dozen devices whose transfers never end fill every stage's
        // bound many times over, so any back-pressure from download would reach detection.
        int[] stalled = [.. Enumerable.Range(861, 12)];
        await using var fleet = await FleetBuilder.StartAsync([.. stalled, 880], tracksPerDevice: 1, join: false);
        foreach (int id in stalled)
        {
            fleet[id].Faults.Add(DeviceFault.StallAfter(1_000));
            await fleet[id].JoinAsync();
        }

        await using var server = await StartAsync(fleet, configure: o =>
        {
            o.Detection.Workers = 1;
            o.Inspection.Workers = 1;
            o.Download.Workers = 1;
            o.Download.RequestTimeout = TimeSpan.FromMinutes(5); // a held transfer is not given up during the test
        });
        foreach (int id in stalled)
        {
            await server.WaitForAsync(id, m => m.Status is MotionStatus.Pending or MotionStatus.Downloading);
        }

        await fleet[880].JoinAsync();

        await server.WaitForAsync(880, m => m.Status is MotionStatus.Connected or MotionStatus.Pending);
        server.Fleet.GetSnapshot().Motions.Where(m => stalled.Contains(m.Id)).Should()
            .OnlyContain(m => m.Status == MotionStatus.Pending || m.Status == MotionStatus.Downloading, "every transfer is still held")
            .And.ContainSingle(m => m.Status == MotionStatus.Downloading, "the only download worker is busy");
        Watch!.ShouldHaveSeenNoViolation();
    }

    [Fact]
    public async Task LookupsThatNeverReturn_DelayNoOtherDevice_AndEachNameHasOneOutstanding()
    {
        // More hung names than detection has workers, each allowed a long timeout: looks are not the workers' to hold.
        int[] hung = [.. Enumerable.Range(890, 8)];
        await using var fleet = await FleetBuilder.StartAsync([881], tracksPerDevice: 1, join: false);
        var resolver = new HangingNames(DeviceAddressResolverFor(fleet), hung.Select(id => $"motion-{id}"));
        await using var server = await PipelineHarness.StartAsync(EventDirectory, fleet, RosterWith(fleet, hung), o => o.Detection.ConnectTimeout = TimeSpan.FromSeconds(50),
            resolver: resolver);
        await resolver.AllHungAsync();

        await fleet[881].JoinAsync();

        await server.WaitForCompletedAsync(881, tracks: 1);
        resolver.CallsPerHungName().Should().OnlyContain(calls => calls == 1, "a name whose lookup is outstanding is not looked up again");
    }

    [Fact]
    public async Task AddressesThatNeverAnswer_DelayNoOtherDevice()
    {
        // Names a router still resolves for devices that have left: connects to them are never answered.
        int[] silent = [.. Enumerable.Range(900, 8)];
        await using var fleet = await FleetBuilder.StartAsync([882], tracksPerDevice: 1, join: false);
        var silentAddresses = silent.ToDictionary(id => $"motion-{id}", id => IPAddress.Parse($"192.0.2.{id - 899}")); // TEST-NET-1
        var resolver = new FixedNames(DeviceAddressResolverFor(fleet), silentAddresses);
        var probe = new SilentAddresses(new TcpConnectProbe(), silentAddresses.Values.ToHashSet());
        await using var server = await PipelineHarness.StartAsync(EventDirectory, fleet, RosterWith(fleet, silent), o => o.Detection.ConnectTimeout = TimeSpan.FromSeconds(50),
            resolver: resolver, probe: probe);
        await probe.AllHeldAsync(silent.Length);

        await fleet[882].JoinAsync();

        await server.WaitForCompletedAsync(882, tracks: 1);
        probe.Held.Should().BeGreaterThanOrEqualTo(silent.Length, "the silent connects were still waiting");
    }

    private DeviceAddressResolver DeviceAddressResolverFor(EmulatedFleet fleet)
    {
        string hosts = Path.Combine(EventDirectory, "config", "hosts");
        Directory.CreateDirectory(Path.GetDirectoryName(hosts)!);
        fleet.WriteHostsFile(hosts);
        return new DeviceAddressResolver(new Pipeline.Detection.HostsFile(hosts), []);
    }

    private static MotionRoster RosterWith(EmulatedFleet fleet, IEnumerable<int> extra) =>
        MotionRoster.Create(PipelineHarness.RosterFor(fleet).Entries.Concat(extra.Select(id => new RosterEntry
        {
            MotionId = id, StartDate = Today.AddDays(-15), EndDate = Today.AddDays(15), FileId = $"F{id}", FirstName = "Test", FamilyName = $"Sailor{id}",
        })));

    /// <summary>Names whose lookups never return (until the test ends); the rest go to the real resolver.</summary>
    private sealed class HangingNames(IAddressResolver inner, IEnumerable<string> names) : IAddressResolver
    {
        private readonly ConcurrentDictionary<string, int> _calls = new(names.Select(n => KeyValuePair.Create(n, 0)), StringComparer.OrdinalIgnoreCase);
        private readonly TaskCompletionSource _allCalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task AllHungAsync() => _allCalled.Task.WaitAsync(TimeSpan.FromSeconds(20));

        public int[] CallsPerHungName() => _calls.Values.ToArray();

        public async Task<IPAddress?> ResolveAsync(string hostname, CancellationToken cancellationToken)
        {
            if (!_calls.ContainsKey(hostname))
            {
                return await inner.ResolveAsync(hostname, cancellationToken);
            }

            _calls.AddOrUpdate(hostname, 1, (_, n) => n + 1);
            if (_calls.Values.All(n => n > 0))
            {
                _allCalled.TrySetResult();
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    /// <summary>Some names resolve to fixed addresses; the rest go to the real resolver.</summary>
    private sealed class FixedNames(IAddressResolver inner, IReadOnlyDictionary<string, IPAddress> names) : IAddressResolver
    {
        public Task<IPAddress?> ResolveAsync(string hostname, CancellationToken cancellationToken) =>
            names.TryGetValue(hostname, out var address) ? Task.FromResult<IPAddress?>(address) : inner.ResolveAsync(hostname, cancellationToken);
    }

    /// <summary>Connects to some addresses are never answered (until the test ends); the rest are real.</summary>
    private sealed class SilentAddresses(IConnectProbe inner, IReadOnlySet<IPAddress> silent) : IConnectProbe
    {
        private readonly Lock _gate = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
        private int _held;

        public int Held => Volatile.Read(ref _held);

        public Task AllHeldAsync(int count)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (_held >= count)
                {
                    reached.TrySetResult();
                }
                else
                {
                    _waiters.Add((count, reached));
                }
            }

            return reached.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }

        public async Task<bool> CanConnectAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (!silent.Contains(address))
            {
                return await inner.CanConnectAsync(address, port, timeout, cancellationToken);
            }

            lock (_gate)
            {
                _held++;
                foreach (var waiter in _waiters.Where(w => _held >= w.Count))
                {
                    waiter.Reached.TrySetResult();
                }
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return false;
        }
    }
}
