using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Tests.Support;

/// <summary>
/// What one stage works with, real: a fleet whose roster holds the given devices, the status reporter, the departure
/// and failure policies, the lifetime and the guard, on a temporary event folder. Every log line and every status
/// change lands in one <see cref="Timeline"/>, in the order they happened, so a test can say which came first.
/// </summary>
internal sealed class StageRig : IDisposable
{
    private readonly TemporaryFolder _temp = new();
    private readonly ConcurrentQueue<(LogLevel Level, string Entry)> _timeline = new();

    /// <param name="time">The clock of the fleet state (a fake one unless the test talks to a real device).</param>
    /// <param name="probe">The TCP probe the departure policy asks (null: a real one).</param>
    /// <param name="configure">Changes to the default options, made before anything is built.</param>
    /// <param name="deviceIds">The roster's devices, each covering a month around today.</param>
    public StageRig(TimeProvider time, IConnectProbe? probe = null, Action<MotionServerOptions>? configure = null, params int[] deviceIds)
    {
        Time = time;
        Options = new MotionServerOptions { EventDirectory = _temp.Path };
        configure?.Invoke(Options);
        Folder = new EventFolder(_temp.Path);
        Folder.EnsureCreated();
        Fleet = new FleetState(time, Options.Network.HostnameFor, Folder.Root);
        Fleet.ApplyRoster(RosterOf(deviceIds));
        Log = new CapturingLoggerProvider();
        FleetLog = new FleetLog(Log.CreateLogger("MotionServer.Pipeline"), Fleet);
        Failures = new FailurePolicy(Options);
        Reporter = new StatusReporter(Fleet, FleetLog, Failures);
        Probe = probe ?? new TcpConnectProbe();
        Departures = new DeparturePolicy(Probe, Fleet, Options);
        Guard = new StageGuard(Lifetime, FleetLog.Server);
        Log.LineWritten += line => _timeline.Enqueue((line.Level, $"line: {line.Message}"));
        Fleet.StatusChanged += (_, change) => _timeline.Enqueue((LogLevel.None, $"status: {change.DeviceId} {change.Current}"));
    }

    public TimeProvider Time { get; }

    public MotionServerOptions Options { get; }

    public EventFolder Folder { get; }

    public FleetState Fleet { get; }

    public CapturingLoggerProvider Log { get; }

    public FleetLog FleetLog { get; }

    public FailurePolicy Failures { get; }

    public StatusReporter Reporter { get; }

    public IConnectProbe Probe { get; }

    public DeparturePolicy Departures { get; }

    public PipelineLifetime Lifetime { get; } = new();

    public StageGuard Guard { get; }

    /// <summary>The real inspection stage on this rig's folder, fleet, reporter and policies, asking through <paramref name="http"/>.</summary>
    public InspectionStage InspectionStage(DeviceHttpClient http) =>
        new(http, new MetadataCache(Folder), new LedgerStore(Folder), new TrackPlanner(Options, Folder), Fleet, Reporter, Departures, Options, Lifetime, FleetLog);

    /// <summary>"line: …" for each log line and "status: &lt;id&gt; &lt;Status&gt;" for each status change, in order.</summary>
    public IReadOnlyList<string> Timeline => [.. _timeline.Select(e => e.Entry)];

    /// <summary>The <see cref="Timeline"/> without the log lines below <paramref name="level"/> (status changes stay).</summary>
    public IReadOnlyList<string> TimelineFrom(LogLevel level) => [.. _timeline.Where(e => e.Level >= level).Select(e => e.Entry)];

    /// <summary>Asserts the timeline from <paramref name="level"/> on matches <paramref name="patterns"/> one by one (* matches any text).</summary>
    public void ShouldHaveSeen(LogLevel level, params string[] patterns)
    {
        var seen = TimelineFrom(level);
        seen.Should().HaveCount(patterns.Length, "the timeline was {0}", string.Join(" | ", seen));
        for (int i = 0; i < patterns.Length; i++)
        {
            seen[i].Should().Match(patterns[i]);
        }
    }

    /// <summary>The work item of a roster device, with or without an address.</summary>
    public DeviceWork Work(int deviceId, IPAddress? address = null) => new(deviceId, Options.Network.HostnameFor(deviceId), address);

    /// <summary>The device's current snapshot (it is on the roster).</summary>
    public MotionSnapshot Motion(int deviceId) => Fleet.GetMotion(deviceId) ?? throw new InvalidOperationException($"motion-{deviceId} is not on the roster");

    /// <summary>Forgets what was recorded so far (a test's setup steps).</summary>
    public void ClearTimeline() => _timeline.Clear();

    /// <summary>A roster covering a month around today for each device, File IDs F&lt;id&gt;.</summary>
    public static MotionRoster RosterOf(IEnumerable<int> deviceIds) =>
        MotionRoster.Create(deviceIds.Select(id => new RosterEntry
        {
            MotionId = id,
            StartDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-15)),
            EndDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(15)),
            FileId = $"F{id}",
            FirstName = "Test",
            FamilyName = $"Sailor{id}",
        }));

    public void Dispose()
    {
        Lifetime.Dispose();
        _temp.Dispose();
    }
}
