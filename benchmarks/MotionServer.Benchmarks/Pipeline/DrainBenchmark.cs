using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MotionServer.Emulator.Fleet;

namespace MotionServer.Benchmarks.Pipeline;

/// <summary>
/// Drain time ÷ its ideal: eight devices arrive at once, each with one track, each sending at 650 KB/s (the median
/// WiFi rate measured at events), four download workers (the default). The ideal is the baseline, measured in the same
/// run as a plain wait: two rounds of four devices, each round as long as one track takes at 650 KB/s. The Ratio column
/// is the figure (target ≤ 1.03).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 4)]
public class DrainBenchmark
{
    private const int DeviceCount = 8;
    private const int Workers = 4;
    private const long BytesPerSecond = 650_000;

    private EmulatedFleet? _fleet;
    private TimeSpan _ideal;

    [GlobalSetup]
    public void Setup()
    {
        // 45 minutes at 5 Hz: about 0.7 MB, the median track of the burst.
        _fleet = BenchmarkServer.CreateFleet(Enumerable.Range(801, DeviceCount), tracks: 1, TimeSpan.FromMinutes(45), BytesPerSecond);
        _fleet.JoinAllAsync().GetAwaiter().GetResult();
        long trackBytes = _fleet.Devices[0].Tracks.Sum(t => t.Content.Length);
        int rounds = (DeviceCount + Workers - 1) / Workers;
        _ideal = TimeSpan.FromSeconds(rounds * (double)trackBytes / BytesPerSecond);
    }

    [Benchmark(Baseline = true)]
    public Task Ideal() => Task.Delay(_ideal);

    [Benchmark]
    public async Task Drain()
    {
        await using var server = await BenchmarkServer.StartAsync(_fleet!, _fleet!.Devices.Select(d => d.Id), o => o.Download.Workers = Workers);
        await server.WaitForAllCompletedAsync(_fleet.Devices.Select(d => d.Id), TimeSpan.FromMinutes(2));
    }

    [GlobalCleanup]
    public void Cleanup() => _fleet?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
