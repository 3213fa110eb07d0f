using Microsoft.Extensions.Logging.Abstractions;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Generation;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Detection;
using HostsFile = MotionServer.Pipeline.Detection.HostsFile;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;

namespace MotionServer.Benchmarks.Pipeline;

/// <summary>
/// The real pipeline on a fresh event folder, pointed at an emulated fleet on loopback through a hosts file, for the
/// benchmarks: the contract's defaults unless a benchmark says otherwise.
/// </summary>
internal sealed class BenchmarkServer : IAsyncDisposable
{
    private BenchmarkServer(string eventDirectory, MotionPipeline pipeline)
    {
        EventDirectory = eventDirectory;
        Pipeline = pipeline;
    }

    public string EventDirectory { get; }

    public MotionPipeline Pipeline { get; }

    public IMotionFleet Fleet => Pipeline.Fleet;

    /// <param name="fleet">The emulated devices (present or not).</param>
    /// <param name="rosterIds">Every device on the roster, the fleet's and absent ones.</param>
    /// <param name="configure">Settings beyond the defaults.</param>
    /// <param name="extraHostsLines">More hosts-file lines (e.g. names a router answers with its catch-all address).</param>
    /// <param name="resolver">Replaces the real resolver (hosts file, then the operating system), given the hosts file.</param>
    public static async Task<BenchmarkServer> StartAsync(EmulatedFleet fleet, IEnumerable<int> rosterIds, Action<MotionServerOptions>? configure = null,
        IEnumerable<string>? extraHostsLines = null, Func<HostsFile, IAddressResolver>? resolver = null)
    {
        string eventDirectory = Path.Combine(Path.GetTempPath(), "motion-server-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(eventDirectory, "config"));
        string hosts = Path.Combine(eventDirectory, "config", "hosts");
        await File.WriteAllTextAsync(hosts, fleet.HostsFileText + string.Join('\n', extraHostsLines ?? []) + "\n");

        var options = new MotionServerOptions { EventDirectory = eventDirectory };
        options.Network.HostsFile = "config/hosts";
        options.Network.Port = fleet.Port;
        configure?.Invoke(options);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var roster = MotionRoster.Create(rosterIds.Distinct().Select(id => new RosterEntry
        {
            MotionId = id, StartDate = today.AddDays(-2), EndDate = today.AddDays(2), FileId = $"B{id}", FirstName = "Bench", FamilyName = $"Sailor{id}",
        }));
        var settings = new MotionServerOptionsReadResult(options, []);
        var pipeline = resolver is null
            ? new MotionPipeline(settings, new FixedRosterSource(roster), TimeProvider.System, NullLoggerFactory.Instance)
            : new MotionPipeline(settings, new FixedRosterSource(roster), TimeProvider.System, NullLoggerFactory.Instance, resolver(new HostsFile(hosts)), probe: null);
        await pipeline.StartAsync(CancellationToken.None);
        return new BenchmarkServer(eventDirectory, pipeline);
    }

    /// <summary>A fleet of devices, each with its tracks (generated, started a few hours ago), none joined.</summary>
    public static EmulatedFleet CreateFleet(IEnumerable<int> ids, int tracks, TimeSpan trackDuration, long bytesPerSecond = 0)
    {
        var start = DateTimeOffset.UtcNow.Date.AddHours(-3);
        return EmulatedFleet.Create(
            ids.Select(id => new DeviceSetup(DeviceProfile.Create(id), [.. Enumerable.Range(0, tracks).Select(session =>
                TrackGenerators.Default.Generate(new TrackSpec(id, $"B{id}", start.AddMinutes(session * 30), trackDuration, Seed: session)))])),
            new FleetOptions { BandwidthBytesPerSecond = bytesPerSecond });
    }

    /// <summary>Completes when the device's snapshot meets <paramref name="condition"/>.</summary>
    public Task WaitForAsync(int deviceId, Func<MotionSnapshot, bool> condition, TimeSpan timeout)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (Fleet.GetMotion(deviceId) is { } motion && condition(motion))
            {
                met.TrySetResult();
            }
        }

        void OnChange(object? sender, MotionStatusChange change)
        {
            if (change.DeviceId == deviceId)
            {
                Check();
            }
        }

        Fleet.StatusChanged += OnChange;
        Check();
        return met.Task.WaitAsync(timeout).ContinueWith(t =>
        {
            Fleet.StatusChanged -= OnChange;
            t.GetAwaiter().GetResult();
        }, TaskScheduler.Default);
    }

    /// <summary>Completes when every device of <paramref name="ids"/> is completed.</summary>
    public Task WaitForAllCompletedAsync(IEnumerable<int> ids, TimeSpan timeout) =>
        Task.WhenAll(ids.Select(id => WaitForAsync(id, m => m.Status == MotionStatus.Completed, timeout)));

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        try
        {
            Directory.Delete(EventDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
