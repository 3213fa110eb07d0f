using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Detection.Dns;
using HostsFile = MotionServer.Pipeline.Detection.HostsFile;

namespace MotionServer.Benchmarks.Detection;

/// <summary>
/// What a failed name lookup costs this process (issue 19): 5,000 device names, each unknown, asked through getaddrinfo
/// (<see cref="SystemNameLookup.LookUpNative"/>, one after the other on one thread: its cheapest form, no thread hop)
/// against DNS asked directly (<see cref="DirectNameLookup"/> after <c>/etc/hosts</c>, all 5,000 at once as when every
/// absent name falls due together). Both ask the same local stand-in for the event router, out of process
/// (<c>benchmarks/at-rest/nxdomain-resolver.py</c>, answering "no such name"), so that the process's CPU time is the
/// lookups' alone: the <c>CPU/lookup</c> column (user and system time over every iteration, warm-up included).
/// <c>DetectionSystem</c> and <c>DetectionDirect</c> ask the same names as detection does (NameLookups and
/// DeviceAddressResolver, all at once), with Detection:NameLookup system and direct: what the server pays per name.
/// <para>
/// getaddrinfo asks the server in <c>/etc/resolv.conf</c>: run the benchmark as root in a mount namespace of its own
/// whose resolv.conf names a loopback address (the setup starts the stand-in on it), e.g.
/// <c>echo "nameserver 127.0.0.158" &gt;/tmp/bench-resolv.conf; unshare -m sh -c 'mount --bind /tmp/bench-resolv.conf
/// /etc/resolv.conf &amp;&amp; exec dotnet run -c Release --project benchmarks/MotionServer.Benchmarks -- --filter
/// "*NameLookupCost*"'</c>.
/// </para>
/// </summary>
[Config(typeof(CpuConfig))]
public class NameLookupCostBenchmark
{
    private const int Names = 5000;
    private static readonly ConcurrentDictionary<string, (TimeSpan Cpu, long Lookups)> Measured = new();

    private readonly string[] _names = [.. Enumerable.Range(0, Names).Select(i => $"motion-{50_000 + i}")];
    private Process? _router;
    private DirectNameLookup? _direct;
    private HostsFile? _systemHosts;
    private NameLookups? _systemLookups;
    private NameLookups? _directLookups;
    private DeviceAddressResolver? _directResolver;
    private TimeSpan _cpuAtStart;

    [GlobalSetup]
    public void StartRouter()
    {
        var configuration = ResolverConfiguration.Read()
            ?? throw new InvalidOperationException("/etc/resolv.conf names no name server");
        var server = configuration.NameServers[0].Address;
        if (!IPAddress.IsLoopback(server))
        {
            throw new InvalidOperationException($"/etc/resolv.conf names {server}, not a loopback address: run as the class's summary says");
        }

        var script = Path.Combine(RepositoryRoot(), "benchmarks", "at-rest", "nxdomain-resolver.py");
        _router = Process.Start(new ProcessStartInfo("python3", [script, server.ToString(), Path.GetTempFileName()]) { RedirectStandardOutput = true })!;
        _router.StandardOutput.ReadLine(); // "answering NXDOMAIN on ...": it listens
        _direct = new DirectNameLookup(configuration, new DnsLookupClient(configuration.NameServers), TimeSpan.FromSeconds(1));
        _systemHosts = new HostsFile("/etc/hosts");
        var timeout = TimeSpan.FromSeconds(1);
        _systemLookups = new NameLookups(new DeviceAddressResolver(null, []), timeout, TimeProvider.System);
        _directResolver = new DeviceAddressResolver(null, [], choice: NameLookupChoice.Make(new MotionServer.Pipeline.Configuration.MotionServerOptions()));
        _directLookups = new NameLookups(_directResolver, timeout, TimeProvider.System);
    }

    [GlobalCleanup]
    public void StopRouter()
    {
        _direct?.Dispose();
        _directResolver?.Dispose();
        _router?.Kill();
        _router?.WaitForExit();
        _router?.Dispose();
    }

    [IterationSetup]
    public void StartCounting() => _cpuAtStart = Environment.CpuUsage.TotalTime;

    [IterationCleanup(Target = nameof(GetAddrInfo))]
    public void CountGetAddrInfo() => Count(nameof(GetAddrInfo));

    [IterationCleanup(Target = nameof(Direct))]
    public void CountDirect() => Count(nameof(Direct));

    [IterationCleanup(Target = nameof(DetectionSystem))]
    public void CountDetectionSystem() => Count(nameof(DetectionSystem));

    [IterationCleanup(Target = nameof(DetectionDirect))]
    public void CountDetectionDirect() => Count(nameof(DetectionDirect));

    [Benchmark(Baseline = true)]
    public int GetAddrInfo()
    {
        int found = 0;
        foreach (var name in _names)
        {
            found += SystemNameLookup.LookUpNative(name).Length;
        }

        return Found(found);
    }

    [Benchmark]
    public async Task<int> Direct()
    {
        var lookups = _names.Select(async name =>
            _systemHosts!.Lookup(name) is null ? (await _direct!.LookUpAsync(name).ConfigureAwait(false))?.Length ?? 0 : 1);
        return Found((await Task.WhenAll(lookups).ConfigureAwait(false)).Sum());
    }

    /// <summary>As detection asks with Detection:NameLookup system: NameLookups, the resolver, its lookup threads, getaddrinfo.</summary>
    [Benchmark]
    public Task<int> DetectionSystem() => ThroughDetection(_systemLookups!);

    /// <summary>As detection asks by default: NameLookups, the resolver, /etc/hosts, DNS asked directly.</summary>
    [Benchmark]
    public Task<int> DetectionDirect() => ThroughDetection(_directLookups!);

    private async Task<int> ThroughDetection(NameLookups lookups)
    {
        var all = _names.Select(name => lookups.ResolveAsync(name, CancellationToken.None));
        return Found((await Task.WhenAll(all).ConfigureAwait(false)).Count(a => a is not null));
    }

    private static int Found(int found) =>
        found == 0 ? 0 : throw new InvalidOperationException($"{found} names were found: the stand-in answers none");

    private void Count(string benchmark)
    {
        var cpu = Environment.CpuUsage.TotalTime - _cpuAtStart; // getrusage: microseconds, not /proc's 10 ms ticks
        Measured.AddOrUpdate(benchmark, (cpu, Names), (_, m) => (m.Cpu + cpu, m.Lookups + Names));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MotionServer.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("the repository's root (MotionServer.sln) is not above the benchmark");
    }

    /// <summary>In process (so that the column sees what the iterations measured), with the CPU column.</summary>
    private sealed class CpuConfig : ManualConfig
    {
        public CpuConfig()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15));
            AddColumn(new CpuPerLookupColumn());
        }
    }

    /// <summary>Microseconds of this process's CPU time per lookup, over every iteration of a benchmark.</summary>
    private sealed class CpuPerLookupColumn : IColumn
    {
        public string Id => nameof(CpuPerLookupColumn);

        public string ColumnName => "CPU/lookup";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "this process's user and system CPU time per lookup, every iteration (warm-up included)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            Measured.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var m) && m.Lookups > 0
                ? $"{m.Cpu.TotalMicroseconds / m.Lookups:F1} us"
                : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
