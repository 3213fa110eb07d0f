using System.Threading.Tasks.Dataflow;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Disconnection;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Graph;

/// <summary>
/// The Dataflow graph of the five activities (README.md, "How it works"), with two queues ("connections" and "downloads") between a fast stage and a slower one:
/// <code>
///   detection schedule ──found──► detection ──detected──► connections ──► inspection ──downloads needed──► downloads ──► download ──┐
///   (looks, per device)                │                                     │                                          │       │
///          ▲                           └───────────────┬─────────────────────┴───────── failed ───► retry buffer ◄──────┘       │
///          └──────────────────── retry pacer (backoff) ◄──────────────────────────────────┘                                     │
///                                                                                                                      sink ◄───────┘
///   presence schedule (probes, per completed device; outside the graph: nothing follows a probe)
/// </code>
/// Each stage runs its Workers setting in parallel with a bounded input. A source block delivers its outputs in
/// order, so an output waiting for room in a bounded target holds back every output behind it and then the source's
/// own senders: the "connections" and "downloads" queues never refuse, so detection never waits for inspection or
/// download, and inspection never waits for download. They need no bound of their own: a device is in the graph at
/// most once (the fleet state's claim), so the roster bounds them. Every other outcome also has a target that never
/// refuses while the graph runs (the unbounded retry buffer, the sink). There is deliberately no catch-all link while
/// running: a bounded target postpones an offer, the source then offers the item to its next link, and a catch-all
/// would swallow it — a device lost mid-graph. Completion propagates along the forward edges only (the retry edge
/// closes a cycle).
/// </summary>
internal sealed class PipelineGraph : IDisposable
{
    private readonly DeviceHttpClient _http;
    private readonly BufferBlock<StageOutcome> _connections;
    private readonly TransformBlock<StageOutcome, StageOutcome> _inspection;
    private readonly BufferBlock<StageOutcome> _downloads;
    private readonly TransformBlock<StageOutcome, StageOutcome> _download;
    private readonly RetryPacer _retry;
    private readonly ActionBlock<StageOutcome> _sink;
    private readonly ActionBlock<DeviceWork> _returns;

    public PipelineGraph(
        MotionServerOptions options,
        EventFolder folder,
        FleetState fleet,
        IAddressResolver resolver,
        IConnectProbe probe,
        PipelineLifetime lifetime,
        TimeProvider time,
        FleetLog log,
        DiskSpaceGate diskSpace,
        Action<string, Exception> faulted,
        Action? everyDetectionInterval = null,
        ITrackResultsSource? results = null,
        Action<DateOnly>? dayChanged = null)
    {
        _http = new DeviceHttpClient(options.Inspection.RequestTimeout);
        var ledgers = new LedgerStore(folder);
        var reporter = new StatusReporter(fleet, log, new FailurePolicy(options));
        var departures = new DeparturePolicy(probe, fleet, options);
        var blocks = new DataflowBlocks(new StageGuard(lifetime, log.Server), log.Server, faulted);

        var detection = new DetectionStage(reporter, departures, log);
        var inspection = new InspectionStage(_http, new MetadataCache(folder), ledgers, new TrackPlanner(options, folder, results: results), fleet, reporter, departures, options, lifetime, log);
        var download = new DownloadStage(new TrackDownloader(_http.Client, options.Download, time), ledgers, fleet, reporter, departures, options, lifetime, diskSpace, time, log, results, dayChanged);
        var disconnection = new DisconnectionStage(probe, fleet, reporter, departures, options, log);

        Detection = blocks.Stage(detection, options.Detection.Workers);
        _connections = blocks.Queue<StageOutcome>("connections");
        _inspection = blocks.Stage(inspection, options.Inspection.Workers);
        _downloads = blocks.Queue<StageOutcome>("downloads");
        _download = blocks.Stage(download, options.Download.Workers);
        _retry = new RetryPacer(fleet, time, lifetime, blocks);
        _sink = blocks.Sink<StageOutcome>("sink", outcome => fleet.Release(outcome.Work.DeviceId));

        var look = new DetectionLook(new NameLookups(resolver, options.Detection.ConnectTimeout, time), probe, options);
        Schedule = new DetectionScheduler(fleet, look, detection, Detection.SendAsync, options.Detection, time, log.Server, everyDetectionInterval);
        _returns = blocks.Sink<DeviceWork>("retry returns", work => Schedule.Return(work.DeviceId));
        Presence = new PresenceScheduler(fleet, disconnection, options.Disconnection, time, log.Server);

        DataflowBlocks.Route<DeviceDetected>(Detection, _connections, propagate: true);
        DataflowBlocks.Forward(_connections, _inspection);
        DataflowBlocks.Route<DownloadsNeeded>(_inspection, _downloads, propagate: true);
        DataflowBlocks.Forward(_downloads, _download);
        foreach (var source in new ISourceBlock<StageOutcome>[] { Detection, _inspection, _download })
        {
            DataflowBlocks.Route<DeviceFailed>(source, _retry.Buffer);
            // Everything else ends here (a failure only if the retry buffer ever declined it: released, never stuck).
            DataflowBlocks.Route(source, _sink, o => o is not (DeviceDetected or DownloadsNeeded));
        }

        DataflowBlocks.Forward(_retry.Delay, _returns);
    }

    /// <summary>Detection's per-device schedule: it looks for devices and sends the ones found into <see cref="Detection"/>.</summary>
    public DetectionScheduler Schedule { get; }

    /// <summary>Entry of the devices the detection schedule found.</summary>
    public TransformBlock<DeviceWork, StageOutcome> Detection { get; }

    /// <summary>The presence probe's per-device schedule: it probes completed devices, each on its own, beside the graph.</summary>
    public PresenceScheduler Presence { get; }

    /// <summary>The devices waiting in front of each stage, by queue name (metrics).</summary>
    public IReadOnlyList<KeyValuePair<string, Func<int>>> QueueDepths =>
    [
        new("detection", () => Detection.InputCount),
        new("connections", () => _connections.Count),
        new("inspection", () => _inspection.InputCount),
        new("downloads", () => _downloads.Count),
        new("download", () => _download.InputCount),
        new("presence", () => Presence.Probing),
    ];

    /// <summary>
    /// Completes the graph in order. Stages see <see cref="PipelineLifetime.Stopping"/> and turn waiting work
    /// into abandoned outcomes; work in flight may finish within <paramref name="drainTime"/>, then is cut.
    /// </summary>
    public async Task DrainAsync(TimeSpan drainTime, PipelineLifetime lifetime, TimeProvider time)
    {
        Detection.Complete();
        var stages = Task.WhenAll(Detection.Completion, _inspection.Completion, _download.Completion);
        try
        {
            await stages.WaitAsync(drainTime, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lifetime.AbandonInFlightWork();
            await stages.ConfigureAwait(false);
        }

        // Nothing can post a failure any more: close the retry path (a device still pacing is released: the server
        // is stopping), then the sink.
        _retry.Buffer.Complete();
        await _returns.Completion.ConfigureAwait(false);
        _sink.Complete();
        await _sink.Completion.ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();
}
