using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MotionServer.Benchmarks.Pipeline;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Detection;
using HostsFile = MotionServer.Pipeline.Detection.HostsFile;
using MotionServer.Pipeline.State;

namespace MotionServer.Benchmarks.Detection;

/// <summary>
/// Join → connected for one device (the contract's defaults: Interval 5 s, ConnectTimeout 1 s), against the same with
/// nothing else going on (the baseline): while every download worker is held by a transfer that never ends (a
/// saturating burst), and with rosters of 130 and 1,000 whose every absent name takes 1 s to fail (a router with no
/// uplink; an injected resolver delays the misses). The target is Interval + 1 s = 6 s at worst: compare Max with it.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 10)]
[MinColumn, MaxColumn]
public class DetectionLatencyBenchmark
{
    private const int FirstJoiner = 980;
    private const int Joiners = 20;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly Random _phase = new(7);
    private int _joiner = FirstJoiner - 1;
    private EmulatedFleet? _fleet;
    private BenchmarkServer? _server;

    [GlobalSetup(Target = nameof(Idle))]
    public void SetupIdle() => Start(absent: 0, busy: 0, slowMisses: false);

    [GlobalSetup(Target = nameof(EveryDownloadWorkerBusy))]
    public void SetupBusy() => Start(absent: 0, busy: 12, slowMisses: false);

    [GlobalSetup(Target = nameof(Roster130SlowMisses))]
    public void Setup130() => Start(absent: 130 - Joiners, busy: 0, slowMisses: true);

    [GlobalSetup(Target = nameof(Roster1000SlowMisses))]
    public void Setup1000() => Start(absent: 1000 - Joiners, busy: 0, slowMisses: true);

    /// <summary>
    /// The next joining device (each joins once: a departure would cost Kestrel's graceful stop) joins at a random
    /// moment of the server's looking for it.
    /// </summary>
    [IterationSetup]
    public void NextJoiner()
    {
        _joiner++;
        Thread.Sleep(TimeSpan.FromMilliseconds(_phase.Next(0, 5_000)));
    }

    [Benchmark(Baseline = true)]
    public Task Idle() => JoinAsync();

    [Benchmark]
    public Task EveryDownloadWorkerBusy() => JoinAsync();

    [Benchmark]
    public Task Roster130SlowMisses() => JoinAsync();

    [Benchmark]
    public Task Roster1000SlowMisses() => JoinAsync();

    [GlobalCleanup]
    public void Cleanup()
    {
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _fleet?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task JoinAsync()
    {
        var connected = _server!.WaitForAsync(_joiner, m => m.Status == MotionStatus.Connected, Wait);
        await _fleet![_joiner].JoinAsync();
        await connected;
    }

    private void Start(int absent, int busy, bool slowMisses)
    {
        int[] busyIds = [.. Enumerable.Range(801, busy)];
        int[] absentIds = [.. Enumerable.Range(2001, absent)];
        int[] joiners = [.. Enumerable.Range(FirstJoiner, Joiners)];
        _fleet = BenchmarkServer.CreateFleet([.. joiners, .. busyIds], tracks: 1, TimeSpan.FromMinutes(30));
        foreach (int id in busyIds)
        {
            _fleet[id].Faults.Add(DeviceFault.StallAfter(10_000)); // holds a download worker for the whole run
            _fleet[id].JoinAsync().GetAwaiter().GetResult();
        }

        _server = BenchmarkServer.StartAsync(_fleet, [.. joiners, .. busyIds, .. absentIds], o => o.Download.RequestTimeout = TimeSpan.FromMinutes(10), resolver: slowMisses ? hosts => new SlowMisses(hosts, TimeSpan.FromSeconds(1)) : null).GetAwaiter().GetResult();
        if (busy > 0)
        {
            Task.WhenAll(busyIds.Select(id => _server.WaitForAsync(id, m => m.Status is MotionStatus.Pending or MotionStatus.Downloading, Wait)))
                .GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Names from the hosts file; any other takes <c>delay</c> to be not found, like a router forwarding every query to
    /// an uplink that is down (injected: the operating system's resolver is not asked).
    /// </summary>
    private sealed class SlowMisses(HostsFile hosts, TimeSpan delay) : IAddressResolver
    {
        public async Task<IPAddress?> ResolveAsync(string hostname, CancellationToken cancellationToken)
        {
            if (hosts.Lookup(hostname) is { } address)
            {
                return address;
            }

            await Task.Delay(delay, cancellationToken);
            return null;
        }
    }
}
