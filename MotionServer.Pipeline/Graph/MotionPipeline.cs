using System.Net;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Detection.Dns;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Results;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks.Results;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Graph;

/// <summary>
/// Owns one run of the job: the fleet state, the Dataflow graph (<see cref="PipelineGraph"/>) with its detection
/// schedule and the presence probe's schedule, and the dashboards.
/// </summary>
internal sealed partial class MotionPipeline : IMotionPipeline
{
    private readonly MotionServerOptions _options;
    private readonly IReadOnlyList<SettingsProblem> _settingsProblems;
    private readonly IReadOnlyList<SettingsProblem> _settingsWarnings;
    private readonly IRosterSource _roster;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly FleetLog _log;
    private readonly TaskCompletionSource<Exception> _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly EventFolder _folder;
    private readonly FleetState _fleet;
    private readonly HistoryStore _history;
    private readonly HistoryWriter _historyWriter;
    private readonly PipelineLifetime _lifetime = new();
    private readonly IAddressResolver? _resolverOverride;
    private readonly IConnectProbe _probe;
    private readonly PolledConnectProbe? _ownedProbe; // the probe's thread and eventfd, ended with the pipeline
    private readonly Lock _stateGate = new();
    private readonly NoticeBoard _notices;
    private readonly RosterRenames _rosterRenames;
    private readonly HashSet<int> _renamesOwed = []; // only the detection loop's interval callback touches it
    private NoticeChecks? _noticeChecks;
    private HostsFile? _hostsFile;
    private DeviceAddressResolver? _addressResolver;

    private EventFolderLock? _lock;
    private PipelineGraph? _graph;
    private DashboardPublisher? _dashboards;
    private ResultsStage? _results;
    private Task? _stopped;
    private bool _startAttempted;
    private bool _running;

    private readonly EventFolderLock? _heldLock;

    public MotionPipeline(MotionServerOptionsReadResult settings, IRosterSource roster, TimeProvider time, ILoggerFactory loggers, EventFolderLock? heldLock = null)
        : this(settings, roster, time, loggers, resolver: null, probe: null)
    {
        _heldLock = heldLock;
    }

    /// <summary>For tests: replace name resolution and the TCP probe.</summary>
    internal MotionPipeline(MotionServerOptionsReadResult settings, IRosterSource roster, TimeProvider time, ILoggerFactory loggers, IAddressResolver? resolver, IConnectProbe? probe)
    {
        _options = settings.Options;
        _settingsProblems = settings.Problems;
        _settingsWarnings = settings.Warnings;
        _roster = roster;
        _time = time;
        _loggers = loggers;
        _folder = new EventFolder(_options.EventDirectory);
        var events = new RecentEvents(time);
        _log = new FleetLog(loggers.CreateLogger("MotionServer.Pipeline"), events);
        _logger = _log.Server;
        _notices = new NoticeBoard(time, _logger);
        _fleet = new FleetState(time, _options.Network.HostnameFor, _folder.Root, events, _notices, _logger);
        _history = new HistoryStore(_folder);
        _historyWriter = new HistoryWriter(_history, _fleet.ExportHistory, reason => HistoryNotSaved(_logger, reason), time);
        _rosterRenames = new RosterRenames(_folder, new LedgerStore(_folder), _fleet, _log);
        _resolverOverride = resolver;
        _ownedProbe = probe is null ? PolledConnectProbe.TryCreate() : null;
        _probe = probe ?? (IConnectProbe?)_ownedProbe ?? new TcpConnectProbe();
    }

    public IMotionFleet Fleet => _fleet;

    public Task<Exception> Failure => _failure.Task;

    /// <summary>The conditions that need someone to act (shown on the dashboards and in status.json).</summary>
    public INoticeBoard Notices => _notices;

    /// <summary>The dashboard stage once started (tests wait on its renders).</summary>
    internal DashboardPublisher? Dashboards => _dashboards;

    /// <summary>The results stage once started (tests wait on its rebuilds); null in a dry run.</summary>
    internal ResultsStage? Results => _results;

    /// <summary>
    /// Where a downloaded track's verdict and results come from (tests give results of their own); null: the verifier
    /// and the results calculator in one pass, by the settings' quality rules (<c>MotionServer:Results</c>).
    /// </summary>
    internal ITrackResultsSource? TrackResults { get; init; }

    /// <summary>The <c>MotionServer</c> meter this pipeline reports to once started; null: none.</summary>
    internal Diagnostics.MotionServerMetrics? Metrics { get; init; }

    /// <summary>Where free disk space is read (tests give a fake).</summary>
    internal IFreeSpaceProbe FreeSpace { get; init; } = new DriveFreeSpaceProbe();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ClaimTheOneRun();
        if (_settingsProblems.Count > 0)
        {
            throw new StartupException(_settingsProblems.Select(p => $"settings: {p}").ToArray());
        }

        foreach (var renamed in _settingsWarnings)
        {
            SettingRenamed(_logger, renamed.ToString());
        }

        PrepareEventFolder();
        try
        {
            ReadTheEventFolder();
            BuildTheParts();
            StartTheParts();
        }
        catch
        {
            _lock?.Dispose();
            _lock = null;
            throw;
        }

        return Task.CompletedTask;
    }

    private void ClaimTheOneRun()
    {
        lock (_stateGate)
        {
            if (_startAttempted)
            {
                throw new InvalidOperationException("A pipeline runs once; create a new one to run again.");
            }

            _startAttempted = true;
        }
    }

    /// <summary>The roster, the folder's state left by an earlier run (tidied, unless a dry run), and the history.</summary>
    private void ReadTheEventFolder()
    {
        LoadRoster();
        if (_options.DryRun)
        {
            // Nothing but the log is written: no tidying of the folder, no history, no dashboards (see below).
            DryRun(_logger);
        }
        else
        {
            AsStartupProblem(new StartupReconciler(_folder, new LedgerStore(_folder), _fleet, _logger, _log).Run);
        }

        AsStartupProblem(() => _fleet.Restore(_history.Load()));
        if (!_options.DryRun)
        {
            _fleet.StatusChanged += SaveHistoryOnChange;
        }
    }

    /// <summary>The graph with its detection schedule, the notice checks, the results and the dashboards (neither in a dry run).</summary>
    private void BuildTheParts()
    {
        var resolver = CreateResolver();
        resolver = Metrics?.CountLooks(resolver) ?? resolver;
        var diskSpace = new DiskSpaceGate(FreeSpace, _folder.Root, _options.Limits.MinFreeDiskBytes, _options.Detection.Interval, _notices, _time);
        _noticeChecks = new NoticeChecks(_notices, _fleet, diskSpace, new EventFolderWriteCheck(_folder.Root, _time, NoticeChecks.FolderCheckInterval),
            _folder.Root, _hostsFile, _options.Network.HostsFile, _addressResolver);
        _results = _options.DryRun ? null : new ResultsStage(_folder, () => _fleet.Roster, _logger, _time);
        _graph = new PipelineGraph(_options, _folder, _fleet, resolver, _probe, _lifetime, _time, _log, diskSpace, Faulted, EveryDetectionInterval, TrackResults ?? new StreamingTrackResultsSource(ResultRules.From(_options.Results)), _results is null ? null : _results.DayChanged);
        _dashboards = _options.DryRun ? null : new DashboardPublisher(_options.Dashboard, _folder, _fleet.GetSnapshot, _time, _loggers.CreateLogger<DashboardPublisher>());
    }

    /// <summary>Timers last, once everything they drive is built.</summary>
    private void StartTheParts()
    {
        Metrics?.Observe(_fleet, _graph!.QueueDepths, _dashboards);
        _graph!.Schedule.Start(_lifetime.Stopping);
        _graph.Presence.Start(_lifetime.Stopping);
        _results?.Start();
        if (!_options.DryRun)
        {
            _historyWriter.Start();
        }

        _dashboards?.Start();
        lock (_stateGate)
        {
            _running = true;
        }

        Started(_logger, _fleet.Roster.DeviceIds.Count, _folder.Root);
    }

    /// <summary>
    /// Runs one of storage's start-up reads. Storage says what it cannot read with an exception of its own (it sits
    /// below the entry's <see cref="StartupException"/>); to an embedder it is a start-up problem like any other.
    /// </summary>
    private static void AsStartupProblem(Action read)
    {
        try
        {
            read();
        }
        catch (EventFolderUnreadableException e)
        {
            throw new StartupException(e.Message, e.InnerException ?? e);
        }
    }

    private void PrepareEventFolder()
    {
        try
        {
            if (!_options.DryRun)
            {
                _folder.EnsureCreated();
            }

            if (_heldLock is null)
            {
                _lock = EventFolderLock.Acquire(_folder, _time);
            }
            else if (!string.Equals(_heldLock.EventDirectory, _folder.Root, StringComparison.Ordinal))
            {
                throw new StartupException($"the lock given is for {_heldLock.EventDirectory}, not for the event folder {_folder.Root}");
            }
        }
        catch (EventFolderLockedException e)
        {
            throw new StartupException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"the event folder {_folder.Root} cannot be written: {e.Message}", e);
        }
    }

    private void LoadRoster()
    {
        try
        {
            _roster.Load();
        }
        catch (RosterException e)
        {
            throw new StartupException(e.Problems.Select(p => p.ToString()).ToArray());
        }

        _fleet.ApplyRoster(_roster.Current);
    }

    private IAddressResolver CreateResolver()
    {
        if (_resolverOverride is not null)
        {
            return _resolverOverride;
        }

        _hostsFile = _options.Network.HostsFile is { Length: > 0 } path
            ? new HostsFile(Path.GetFullPath(path, _folder.Root))
            : null;
        var ignored = _options.Network.IgnoredAddresses.Select(IPAddress.Parse).ToArray();
        // Network time, not the pipeline's clock: a lookup's timeout is the real network's (as the connect's is).
        return _addressResolver = new DeviceAddressResolver(_hostsFile, ignored, _logger, _options.Detection.Lookups,
            _options.Detection.LookupsPerSecond, choice: NameLookupChoice.Make(_options));
    }

    /// <summary>A block of the graph broke down (already logged): the pipeline cannot do its job; whoever hosts it stops.</summary>
    private void Faulted(string block, Exception error) =>
        _failure.TrySetResult(new InvalidOperationException($"the pipeline's {block} block broke down: {error.Message}", error));

    /// <summary>A connect or a completion is saved in history.json (soon, off this thread: <see cref="HistoryWriter"/>).</summary>
    private void SaveHistoryOnChange(object? sender, MotionStatusChange change)
    {
        if (change.Current is MotionStatus.Connected or MotionStatus.Completed)
        {
            _historyWriter.Changed();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);

        _addressResolver?.Dispose();
        _ownedProbe?.Dispose();
        _historyWriter.Dispose();
        _lifetime.Dispose();
    }
}
