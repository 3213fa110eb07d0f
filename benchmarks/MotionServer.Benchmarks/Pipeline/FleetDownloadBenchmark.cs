using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Generation;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;

namespace MotionServer.Benchmarks.Pipeline;

/// <summary>
/// Throughput tuning for <c>Download:Workers</c>: the whole pipeline (detection, inspection, download) empties an
/// emulated fleet that arrives at once — the busiest moment of a real event (37 devices within 10 minutes) squeezed
/// into one burst. Each device sends at 650 KB/s, the median WiFi rate measured at events, so the time is set by
/// how many devices download at once, not by the laptop. Compare the ratios between worker counts.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class FleetDownloadBenchmark
{
    private const int DeviceCount = 12;
    private const long BytesPerSecond = 650_000;

    private EmulatedFleet? _fleet;
    private MotionRoster? _roster;
    private string _eventDirectory = "";

    /// <summary>Devices downloading at once.</summary>
    [Params(1, 2, 4, 8)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var start = DateTimeOffset.UtcNow.Date.AddHours(-3);
        // 6 minutes at 5 Hz: about 0.1 MB a track, two tracks a device.
        var setups = Enumerable.Range(801, DeviceCount).Select(id => new DeviceSetup(
            DeviceProfile.Create(id),
            [.. Enumerable.Range(0, 2).Select(session => TrackGenerators.Default.Generate(
                new TrackSpec(id, $"B{id}", start.AddHours(session), TimeSpan.FromMinutes(6), Seed: session)))]));
        _fleet = EmulatedFleet.Create(setups, new FleetOptions { BandwidthBytesPerSecond = BytesPerSecond });
        _fleet.JoinAllAsync().GetAwaiter().GetResult();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _roster = MotionRoster.Create(_fleet.Devices.Select(d => new RosterEntry
        {
            MotionId = d.Id, StartDate = today.AddDays(-2), EndDate = today.AddDays(2), FileId = $"B{d.Id}",
        }));
    }

    [IterationSetup]
    public void NewEventFolder()
    {
        _eventDirectory = Path.Combine(Path.GetTempPath(), "motion-server-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_eventDirectory, "config"));
        _fleet!.WriteHostsFile(Path.Combine(_eventDirectory, "config", "hosts"));
    }

    [Benchmark]
    public async Task EmptyTheFleet()
    {
        var options = new MotionServerOptions { EventDirectory = _eventDirectory };
        options.Network.HostsFile = "config/hosts";
        options.Network.Port = _fleet!.Port;
        options.Detection.Interval = TimeSpan.FromMilliseconds(50);
        options.Download.Workers = Workers;
        options.Dashboard.Interval = TimeSpan.FromSeconds(1);
        await using var pipeline = new MotionPipeline(new MotionServerOptionsReadResult(options, []), new FixedRosterSource(_roster!), TimeProvider.System, NullLoggerFactory.Instance);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pipeline.Fleet.StatusChanged += (_, _) =>
        {
            if (pipeline.Fleet.GetSnapshot().Motions.All(m => m.Status == MotionStatus.Completed))
            {
                done.TrySetResult();
            }
        };

        await pipeline.StartAsync(CancellationToken.None);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await pipeline.StopAsync(CancellationToken.None);
    }

    [IterationCleanup]
    public void RemoveEventFolder() => Directory.Delete(_eventDirectory, recursive: true);

    [GlobalCleanup]
    public void Cleanup() => _fleet?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
