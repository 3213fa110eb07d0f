using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Detection.Dns;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tracks.Results;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Tests.Integration;

/// <summary>
/// The real pipeline on a temporary event folder, pointed at an emulated fleet on loopback through a hosts
/// file, with short intervals so a test runs in seconds. Waits are on conditions, with a timeout.
/// </summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly LoggerFactory _loggers;

    private PipelineHarness(string eventDirectory, MotionServerOptions options, MotionPipeline pipeline, LoggerFactory loggers, CapturingLoggerProvider log)
    {
        EventDirectory = eventDirectory;
        Folder = new EventFolder(eventDirectory);
        Options = options;
        Pipeline = pipeline;
        _loggers = loggers;
        Log = log;
    }

    public string EventDirectory { get; }

    public EventFolder Folder { get; }

    public MotionServerOptions Options { get; }

    public MotionPipeline Pipeline { get; }

    public IMotionFleet Fleet => Pipeline.Fleet;

    public CapturingLoggerProvider Log { get; }

    /// <summary>Options a test fleet needs: its hosts file and port, and intervals in milliseconds.</summary>
    public static MotionServerOptions OptionsFor(string eventDirectory, EmulatedFleet fleet)
    {
        var options = new MotionServerOptions { EventDirectory = eventDirectory };
        options.Network.HostsFile = "config/hosts";
        options.Network.Port = fleet.Port;
        // The fleet's hosts file and /etc/hosts only: a roster name not in the fleet is not found without a query to
        // the machine's name server (tests send nothing beyond loopback).
        options.Detection.NameLookup = NameLookupChoice.HostsSetting;
        options.Detection.Interval = TimeSpan.FromMilliseconds(50);
        options.Disconnection.Interval = TimeSpan.FromMilliseconds(50);
        options.Disconnection.ConnectTimeout = TimeSpan.FromSeconds(1);
        options.Retry.InitialDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
        options.Dashboard.Interval = TimeSpan.FromMilliseconds(200);
        options.Download.RequestTimeout = TimeSpan.FromSeconds(5);
        options.Inspection.RequestTimeout = TimeSpan.FromSeconds(5);
        options.Host.ShutdownTimeout = TimeSpan.FromSeconds(3);
        return options;
    }

    /// <summary>Starts a pipeline for <paramref name="fleet"/> on <paramref name="eventDirectory"/> (its roster written there).</summary>
    /// <param name="log">Where the lines go; pass one to watch them from the very first line.</param>
    /// <param name="freeSpace">Where free disk space is read; null: the real disk.</param>
    /// <param name="resolver">Replaces name resolution (the fleet's hosts file, then the operating system).</param>
    /// <param name="probe">Replaces the TCP connect probe.</param>
    /// <param name="trackResults">Gives a downloaded track's verdict and results (the server's own when null).</param>
    public static Task<PipelineHarness> StartAsync(string eventDirectory, EmulatedFleet fleet, MotionRoster roster, Action<MotionServerOptions>? configure = null,
        CapturingLoggerProvider? log = null, IFreeSpaceProbe? freeSpace = null, IAddressResolver? resolver = null, IConnectProbe? probe = null,
        ITrackResultsSource? trackResults = null) =>
        StartAsync(eventDirectory, fleet, new FixedRosterSource(roster), configure, log, freeSpace, resolver, probe, trackResults);

    /// <summary>Starts a pipeline whose roster comes from <paramref name="rosterSource"/> (e.g. one the test changes).</summary>
    public static async Task<PipelineHarness> StartAsync(string eventDirectory, EmulatedFleet fleet, IRosterSource rosterSource, Action<MotionServerOptions>? configure = null,
        CapturingLoggerProvider? log = null, IFreeSpaceProbe? freeSpace = null, IAddressResolver? resolver = null, IConnectProbe? probe = null,
        ITrackResultsSource? trackResults = null)
    {
        var options = OptionsFor(eventDirectory, fleet);
        configure?.Invoke(options);
        Directory.CreateDirectory(Path.Combine(eventDirectory, "config"));
        fleet.WriteHostsFile(Path.Combine(eventDirectory, "config", "hosts"));
        log ??= new CapturingLoggerProvider();
        var loggers = new LoggerFactory([log]);
        var settings = new MotionServerOptionsReadResult(options, []);
        var space = freeSpace ?? new DriveFreeSpaceProbe();
        var results = trackResults ?? StreamingTrackResultsSource.Default;
        var pipeline = resolver is null && probe is null
            ? new MotionPipeline(settings, rosterSource, TimeProvider.System, loggers) { FreeSpace = space, TrackResults = results }
            : new MotionPipeline(settings, rosterSource, TimeProvider.System, loggers, resolver, probe) { FreeSpace = space, TrackResults = results };
        await pipeline.StartAsync(CancellationToken.None);
        return new PipelineHarness(eventDirectory, options, pipeline, loggers, log);
    }

    /// <summary>A roster covering every device of the fleet for a month around today, File IDs F&lt;id&gt;.</summary>
    public static MotionRoster RosterFor(EmulatedFleet fleet) => StageRig.RosterOf(fleet.Devices.Select(d => d.Id));

    /// <summary>Waits until the device's snapshot meets <paramref name="condition"/> (checked at every status change).</summary>
    public async Task<MotionSnapshot> WaitForAsync(int deviceId, Func<MotionSnapshot, bool> condition, TimeSpan? timeout = null)
    {
        var met = new TaskCompletionSource<MotionSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (Fleet.GetMotion(deviceId) is { } motion && condition(motion))
            {
                met.TrySetResult(motion);
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
        try
        {
            Check();
            return await met.Task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            var now = Fleet.GetMotion(deviceId);
            throw new TimeoutException(
                $"motion-{deviceId} did not meet the condition; it is {now?.Status} ({now?.LastError}) with tracks {now?.Tracks}; " +
                $"its last log lines:{Environment.NewLine}" +
                string.Join(Environment.NewLine, Log.Lines.Where(l => NamesDevice(l.Message, deviceId)).TakeLast(40).Select(l => $"  {l.Level}: {l.Message}")) +
                $"{Environment.NewLine}last log lines:{Environment.NewLine}" +
                string.Join(Environment.NewLine, Log.Lines.TakeLast(15).Select(l => $"  {l.Level}: {l.Message}")));
        }
        finally
        {
            Fleet.StatusChanged -= OnChange;
        }
    }

    /// <summary>True when <paramref name="message"/> names motion-<paramref name="deviceId"/> (not motion-8170 for 817).</summary>
    private static bool NamesDevice(string message, int deviceId) =>
        System.Text.RegularExpressions.Regex.IsMatch(message, $@"\bmotion-{deviceId}(?!\d)");

    /// <summary>Waits until the device is completed with exactly <paramref name="tracks"/> completed tracks.</summary>
    public Task<MotionSnapshot> WaitForCompletedAsync(int deviceId, int tracks, TimeSpan? timeout = null) =>
        WaitForAsync(deviceId, m => IsCompletedWith(m, tracks), timeout);

    /// <summary>True when the device is completed with exactly <paramref name="tracks"/> completed tracks.</summary>
    public static bool IsCompletedWith(MotionSnapshot motion, int tracks) => motion.Status == MotionStatus.Completed && motion.Tracks.Completed == tracks;

    /// <summary>Every status the device passes through from now on.</summary>
    public IReadOnlyList<MotionStatus> RecordStatuses(int deviceId)
    {
        var statuses = new List<MotionStatus>();
        Fleet.StatusChanged += (_, change) =>
        {
            if (change.DeviceId == deviceId)
            {
                lock (statuses)
                {
                    statuses.Add(change.Current);
                }
            }
        };
        return statuses;
    }

    public string TrackPath(string fileName) => Path.Combine(Folder.TracksDirectory, fileName.Split('_')[^2], fileName);

    /// <summary>Every file below gpslogs/, relative, hidden ones included.</summary>
    public IReadOnlyList<string> FilesUnderTracks() =>
        Directory.Exists(Folder.TracksDirectory)
            ? Directory.GetFiles(Folder.TracksDirectory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .Select(f => Path.GetRelativePath(Folder.TracksDirectory, f)).Order().ToArray()
            : [];

    public Task StopAsync() => Pipeline.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        _loggers.Dispose();
    }
}
