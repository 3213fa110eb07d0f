using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MotionServer.Emulator.Fleet;

namespace MotionServer.Benchmarks.Pipeline;

/// <summary>
/// Work at rest: a roster of 1,000, 50 devices present and completed (probed every 5 s), 950 absent (looked for every
/// 5 s; their names answer the router's catch-all address at once: fast lookups), contract defaults. Each operation
/// is 15 s of rest; Allocated is what those 15 s allocate. The CPU time and the process's peak working set are printed
/// as a line "at rest: ..." (targets: ≤ 0.3 s of CPU a minute, ≤ 64 MiB). The baseline is the same 15 s without a
/// server (the in-process emulator alone).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
public class AtRestBenchmark
{
    private static readonly TimeSpan Rest = TimeSpan.FromSeconds(15);

    private EmulatedFleet? _fleet;
    private BenchmarkServer? _server;

    [GlobalSetup(Target = nameof(EmulatorAlone))]
    public void SetupAlone()
    {
        _fleet = BenchmarkServer.CreateFleet(Enumerable.Range(801, 50), tracks: 1, TimeSpan.FromMinutes(10));
        _fleet.JoinAllAsync().GetAwaiter().GetResult();
    }

    [GlobalSetup(Target = nameof(RosterOf1000))]
    public void SetupServer()
    {
        SetupAlone();
        int[] present = [.. _fleet!.Devices.Select(d => d.Id)];
        int[] absent = [.. Enumerable.Range(2001, 950)];
        _server = BenchmarkServer.StartAsync(_fleet, [.. present, .. absent], extraHostsLines: absent.Select(id => $"10.10.10.10 motion-{id}"))
            .GetAwaiter().GetResult();
        _server.WaitForAllCompletedAsync(present, TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        GC.Collect();
    }

    [Benchmark(Baseline = true)]
    public Task EmulatorAlone() => RestAsync("emulator alone");

    [Benchmark]
    public Task RosterOf1000() => RestAsync("roster of 1,000");

    [GlobalCleanup]
    public void Cleanup()
    {
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _fleet?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static async Task RestAsync(string what)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        await Task.Delay(Rest);
        process.Refresh();
        double perMinute = (process.TotalProcessorTime - cpu).TotalSeconds * (60 / Rest.TotalSeconds);
        Console.WriteLine($"// at rest ({what}): {perMinute:F2} s CPU a minute, peak working set {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB");
    }
}
