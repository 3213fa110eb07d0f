using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.State;

namespace MotionServer.Benchmarks.Pipeline;

/// <summary>
/// A compressed event day, on loopback: a roster of 130, six waves of 113 joins (678 in all), each wave's joins at random
/// moments over 40 s. A device stays until it is completed and 5–15 s more, then leaves; half of them leave an address
/// that stays silent (<see cref="EmulatedDevice.SilentWhenAway"/>: a router that keeps answering for a departed device's
/// name with its last address, where a connect waits out its timeout), the other half refuse connections. A device is
/// away at least 20 s between visits: a device back before its departure was noticed was, for the server, never gone
/// (nothing to inspect again), so the presence probe must notice a wave of departures within Disconnection:Interval +
/// ConnectTimeout (10 s). Per join it records join → the first info.json request after it, and per departure leave →
/// disconnected, and prints the percentiles at the end (<c>// day:</c>, <c>// departures:</c>), with the joins never
/// asked about and what the server thought of them. Targets: join p95 ≤ 6 s (Interval + 1 s), every departure noticed
/// within 10 s, no return missed.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class CompressedDayBenchmark
{
    private const int Roster = 130;
    private const int Waves = 6;
    private const int JoinsPerWave = 113;
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan AwayAtLeast = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ConcurrentBag<double> _toInfo = [];
    private readonly ConcurrentDictionary<int, DateTimeOffset> _leftAt = new();
    private readonly ConcurrentBag<string> _missed = [];
    private readonly ConcurrentBag<double> _toDisconnected = [];
    private int _departuresUnnoticed;
    private EmulatedFleet? _fleet;

    [GlobalSetup]
    public void Setup()
    {
        _fleet = BenchmarkServer.CreateFleet(Enumerable.Range(801, Roster), tracks: 1, TimeSpan.FromMinutes(10), bytesPerSecond: 681_574);
        foreach (var device in _fleet.Devices.Where(d => d.Id % 2 == 0))
        {
            device.SilentWhenAway = true;
        }
    }

    [Benchmark]
    public async Task Day()
    {
        var fleet = _fleet!;
        await using var server = await BenchmarkServer.StartAsync(fleet, fleet.Devices.Select(d => d.Id));
        var random = new Random(677);
        for (int wave = 0; wave < Waves; wave++)
        {
            var start = DateTimeOffset.UtcNow;
            var visitors = fleet.Devices.OrderBy(_ => random.Next()).Take(JoinsPerWave).ToArray();
            await Task.WhenAll(visitors.Select(device => VisitAsync(server, device, start, Offset(random), Stay(random))));
        }
    }

    [GlobalCleanup]
    public void Report()
    {
        var sorted = _toInfo.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// day: {sorted.Length} joins found, {_missed.Count} not within {Patience.TotalSeconds:0} s ({string.Join(", ", _missed.GroupBy(m => m).Select(g => $"{g.Count()} {g.Key}"))}); join → info.json p50 {NearestRank.Percentile(sorted, 0.50):0.00} s, p95 {NearestRank.Percentile(sorted, 0.95):0.00} s, max {sorted[^1]:0.00} s"));
        var departures = _toDisconnected.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// departures: {departures.Length} noticed, {_departuresUnnoticed} not within {AwayAtLeast.TotalSeconds:0} s; leave → disconnected p50 {NearestRank.Percentile(departures, 0.50):0.00} s, p95 {NearestRank.Percentile(departures, 0.95):0.00} s, max {departures[^1]:0.00} s"));
        _fleet?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static TimeSpan Offset(Random random) => TimeSpan.FromMilliseconds(random.Next(0, (int)Spread.TotalMilliseconds));

    private static TimeSpan Stay(Random random) => TimeSpan.FromMilliseconds(random.Next(5_000, 15_000));

    private async Task VisitAsync(BenchmarkServer server, EmulatedDevice device, DateTimeOffset waveStart, TimeSpan offset, TimeSpan stay)
    {
        var joinAt = waveStart + offset;
        if (_leftAt.TryGetValue(device.Id, out var left) && left + AwayAtLeast > joinAt)
        {
            joinAt = left + AwayAtLeast;
        }

        var wait = joinAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var joined = DateTimeOffset.UtcNow;
        var asked = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnServed(object? sender, ServedRequest served)
        {
            if (served.Path == "/info.json" && served.At >= joined)
            {
                asked.TrySetResult(served.At);
            }
        }

        device.RequestServed += OnServed;
        try
        {
            await device.JoinAsync();
            try
            {
                var at = await asked.Task.WaitAsync(Patience);
                _toInfo.Add((at - joined).TotalSeconds);
                await server.WaitForAsync(device.Id, m => m.Status == MotionStatus.Completed, Patience);
            }
            catch (TimeoutException)
            {
                // Not asked within a minute: say what the server thought of the device then.
                _missed.Add(asked.Task.IsCompleted ? "asked, not completed" : $"not asked, server says {server.Fleet.GetMotion(device.Id)?.Status}");
            }
        }
        finally
        {
            device.RequestServed -= OnServed;
        }

        await Task.Delay(stay);
        await device.LeaveAsync();
        var leftAt = DateTimeOffset.UtcNow;
        _leftAt[device.Id] = leftAt;
        try
        {
            await server.WaitForAsync(device.Id, m => m.Status == MotionStatus.Disconnected, AwayAtLeast);
            _toDisconnected.Add((DateTimeOffset.UtcNow - leftAt).TotalSeconds);
        }
        catch (TimeoutException)
        {
            Interlocked.Increment(ref _departuresUnnoticed); // back before the server noticed it leave
        }
    }
}
