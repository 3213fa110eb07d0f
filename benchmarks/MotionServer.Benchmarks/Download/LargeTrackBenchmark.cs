using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MotionServer.Benchmarks.Pipeline;
using MotionServer.Emulator.Fleet;

namespace MotionServer.Benchmarks.Download;

/// <summary>
/// Memory while streaming a 26 MB track (a long day at 5 Hz) against a 1 MB one (the baseline), one device, no bandwidth
/// limit: a streamed download allocates about the same whatever the size. Compare the Alloc Ratio column (1 = size does
/// not matter; 26 would mean the track is held in memory). Allocations of the in-process emulator serving it count too.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class LargeTrackBenchmark
{
    private EmulatedFleet? _fleet;

    [GlobalSetup(Target = nameof(OneMegabyte))]
    public void SetupSmall() => Start(TimeSpan.FromSeconds(1_000_000 / 260));

    [GlobalSetup(Target = nameof(TwentySixMegabytes))]
    public void SetupLarge() => Start(TimeSpan.FromSeconds(26_000_000 / 260));

    [Benchmark(Baseline = true)]
    public Task OneMegabyte() => DownloadAsync();

    [Benchmark]
    public Task TwentySixMegabytes() => DownloadAsync();

    [GlobalCleanup]
    public void Cleanup() => _fleet?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void Start(TimeSpan duration)
    {
        // 52 bytes a sample at 5 Hz: 260 bytes a second of track.
        _fleet = BenchmarkServer.CreateFleet([801], tracks: 1, duration);
        _fleet.JoinAllAsync().GetAwaiter().GetResult();
    }

    private async Task DownloadAsync()
    {
        await using var server = await BenchmarkServer.StartAsync(_fleet!, [801]);
        await server.WaitForAllCompletedAsync([801], TimeSpan.FromMinutes(2));
    }
}
