using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Generation;
using MotionServer.Emulator.Transfers;
using MotionServer.Pipeline.State;

namespace MotionServer.Benchmarks.Pipeline;

/// <summary>
/// The burst, on loopback: 40 devices join at random moments within 60 s, each with 1–3 tracks of 30–60 minutes
/// (about 0.5–0.9 MB; median near 0.7 MB), each sending at 0.65 MiB/s, four download workers, the contract's defaults
/// otherwise. Per device it records join → first info.json request and join → last byte of its last track; and the
/// time to drain everything against its ideal: the same arrivals and bytes through four perfect workers at 0.65 MiB/s,
/// computed from this run's own arrival times and track sizes. The figures are printed at the end of the run
/// (<c>// burst:</c> lines) as well as BenchmarkDotNet's own time per burst.
/// Targets: join → info.json p95 ≤ 6 s; join → last byte p50 ≤ 5.5 s, p95 ≤ 10 s; drain ÷ ideal ≤ 1.03.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class BurstBenchmark
{
    private const int Devices = 40;
    private const int Workers = 4;
    private const long BytesPerSecond = 681_574; // 0.65 MiB/s
    private static readonly TimeSpan Arrivals = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);

    private readonly List<BurstFigures> _runs = [];
    private int _round;
    private EmulatedFleet? _fleet;

    /// <summary>A fresh fleet for every burst (a device joins once in it), with its own random tracks and arrivals.</summary>
    [IterationSetup]
    public void CreateFleet()
    {
        var random = new Random(1000 + _round);
        int first = 801 + (_round++ * Devices);
        var start = DateTimeOffset.UtcNow.Date.AddHours(-4);
        _fleet = EmulatedFleet.Create(
            Enumerable.Range(first, Devices).Select(id => new DeviceSetup(DeviceProfile.Create(id), [.. Enumerable.Range(0, random.Next(1, 4)).Select(session =>
                TrackGenerators.Default.Generate(new TrackSpec(id, $"B{id}", start.AddMinutes(session * 70), TimeSpan.FromMinutes(random.Next(30, 61)), Seed: session)))])),
            new FleetOptions { BandwidthBytesPerSecond = BytesPerSecond });
    }

    [Benchmark]
    public async Task Burst()
    {
        var fleet = _fleet!;
        var ids = fleet.Devices.Select(d => d.Id).ToArray();
        await using var server = await BenchmarkServer.StartAsync(fleet, ids, o => o.Download.Workers = Workers);
        var firstInfo = new ConcurrentDictionary<int, DateTimeOffset>();
        var lastByte = new ConcurrentDictionary<int, DateTimeOffset>();
        foreach (var device in fleet.Devices)
        {
            device.RequestServed += (_, served) =>
            {
                if (served.Path == "/info.json")
                {
                    firstInfo.TryAdd(device.Id, served.At);
                }
                else if (served.Path.EndsWith(".oao", StringComparison.Ordinal) && served.Outcome == TransferOutcome.Completed)
                {
                    lastByte[device.Id] = served.At;
                }
            };
        }

        var random = new Random(ids[0]);
        var offsets = ids.ToDictionary(id => id, _ => TimeSpan.FromMilliseconds(random.Next(0, (int)Arrivals.TotalMilliseconds)));
        var begin = DateTimeOffset.UtcNow;
        var joined = new ConcurrentDictionary<int, DateTimeOffset>();
        var joins = ids.Select(async id =>
        {
            await Task.Delay(offsets[id]);
            joined[id] = DateTimeOffset.UtcNow;
            await fleet[id].JoinAsync();
        });
        await Task.WhenAll(joins);
        await server.WaitForAllCompletedAsync(ids, Wait);

        var bytes = fleet.Devices.ToDictionary(d => d.Id, d => d.Tracks.Sum(t => (long)t.Content.Length));
        _runs.Add(BurstFigures.From(ids, joined, firstInfo, lastByte, bytes, fleet.Devices.SelectMany(d => d.Tracks).Select(t => (long)t.Content.Length), begin));
        await fleet.DisposeAsync();
    }

    [GlobalCleanup]
    public void Report()
    {
        foreach (var run in _runs)
        {
            Console.WriteLine($"// burst: {run}");
        }
    }

    /// <summary>One burst's figures.</summary>
    private sealed record BurstFigures(double InfoP95, double LastByteP50, double LastByteP95, double Drain, double IdealDrain, double MedianTrackBytes)
    {
        public static BurstFigures From(int[] ids, ConcurrentDictionary<int, DateTimeOffset> joined, ConcurrentDictionary<int, DateTimeOffset> firstInfo,
            ConcurrentDictionary<int, DateTimeOffset> lastByte, IReadOnlyDictionary<int, long> bytes, IEnumerable<long> trackBytes, DateTimeOffset begin)
        {
            var toInfo = ids.Select(id => (firstInfo[id] - joined[id]).TotalSeconds).ToArray();
            var toLastByte = ids.Select(id => (lastByte[id] - joined[id]).TotalSeconds).ToArray();
            double drain = (ids.Max(id => lastByte[id]) - begin).TotalSeconds;
            return new BurstFigures(
                NearestRank.Percentile(toInfo, 0.95), NearestRank.Percentile(toLastByte, 0.50), NearestRank.Percentile(toLastByte, 0.95), drain,
                PerfectDrain(ids, joined, bytes, begin), NearestRank.Percentile(trackBytes.Select(b => (double)b), 0.5));
        }

        /// <summary>
        /// The drain with nothing lost: each device, in order of arrival, goes at once to the worker free first and
        /// sends its bytes at the device's rate (no detection delay, no inspection, no gaps).
        /// </summary>
        private static double PerfectDrain(int[] ids, ConcurrentDictionary<int, DateTimeOffset> joined, IReadOnlyDictionary<int, long> bytes, DateTimeOffset begin)
        {
            var free = new double[Workers];
            foreach (int id in ids.OrderBy(id => joined[id]))
            {
                int worker = Array.IndexOf(free, free.Min());
                double start = Math.Max(free[worker], (joined[id] - begin).TotalSeconds);
                free[worker] = start + ((double)bytes[id] / BytesPerSecond);
            }

            return free.Max();
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"join → info.json p95 {InfoP95:0.00} s; join → last byte p50 {LastByteP50:0.00} s, p95 {LastByteP95:0.00} s; drain {Drain:0.0} s ÷ ideal {IdealDrain:0.0} s = {Drain / IdealDrain:0.000}; median track {MedianTrackBytes / 1e6:0.00} MB");
    }
}
