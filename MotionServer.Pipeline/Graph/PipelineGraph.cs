using System.Threading.Tasks.Dataflow;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Disconnection;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Graph;

/// <summary>
/// The Dataflow graph of the five activities (README.md, "How it works"), with the design's two queues between a fast stage and a slower one:
/// <code>
///   detection schedule ──found──► detection ──detected──► connections ──► inspection ──downloads needed──► downloads ──► download ──┐
///   (looks, per device)                │                                     │                                          │       │
///          ▲                           └───────────────┬─────────────────────┴───────── failed ───► retry buffer ◄──────┘       │
///          └──────────────────── retry pacer (backoff) ◄──────────────────────────────────┘                                     │
///   presence probe ──► disconnection ────────────────────────────────────────────────────────────────────────────► sink ◄───────┘
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
        ILogger logger,
        DiskSpaceGate diskSpace,
        Action? everyDetectionInterval = null)
    {
        _http = new DeviceHttpClient(options.Inspection.RequestTimeout);
        var ledgers = new LedgerStore(folder);
        var failures = new FailurePolicy(fleet, options, logger, probe);

        var detection = new DetectionStage(fleet, lifetime, logger);
        var inspection = new InspectionStage(_http, new MetadataCache(folder), ledgers, new TrackPlanner(options, folder), fleet, failures, options, lifetime, logger);
        var download = new DownloadStage(new TrackDownloader(_http.Client, options.Download, time), ledgers, fleet, failures, options, lifetime, diskSpace, time, logger);
        var disconnection = new DisconnectionStage(probe, fleet, options, lifetime, logger);

        Detection = DataflowBlocks.Stage<DeviceWork, StageOutcome>(detection.DetectAsync, options.Detection.Workers, Capacity(options.Detection.Workers));
        _inspection = DataflowBlocks.Stage<StageOutcome, StageOutcome>(inspection.InspectAsync, options.Inspection.Workers, Capacity(options.Inspection.Workers));
        _download = DataflowBlocks.Stage<StageOutcome, StageOutcome>(download.DownloadAsync, options.Download.Workers, Capacity(options.Download.Workers));
        Disconnection = DataflowBlocks.Stage<DeviceWork, StageOutcome>(disconnection.ProbeAsync, options.Disconnection.Workers, Capacity(options.Disconnection.Workers));
        _connections = new BufferBlock<StageOutcome>();
        _downloads = new BufferBlock<StageOutcome>();
        _retry = new RetryPacer(fleet, time, lifetime);
        _sink = new ActionBlock<StageOutcome>(outcome => fleet.Release(outcome.Work.DeviceId));

        var look = new DetectionLook(new NameLookups(resolver, options.Detection.ConnectTimeout, time), probe, options);
        Schedule = new DetectionScheduler(fleet, look, detection, Detection.SendAsync, options.Detection, time, logger, everyDetectionInterval);
        _returns = new ActionBlock<DeviceWork>(work => Schedule.Return(work.DeviceId));

        Detection.Route<DeviceDetected>(_connections, propagate: true);
        _connections.LinkTo(_inspection, DataflowBlocks.Propagate);
        _inspection.Route<DownloadsNeeded>(_downloads, propagate: true);
        _downloads.LinkTo(_download, DataflowBlocks.Propagate);
        foreach (var source in new ISourceBlock<StageOutcome>[] { Detection, _inspection, _download, Disconnection })
        {
            source.Route<DeviceFailed>(_retry.Buffer);
            source.LinkTo(_sink, o => o is not (DeviceDetected or DownloadsNeeded));
        }

        _retry.Delay.LinkTo(_returns, DataflowBlocks.Propagate);
    }

    /// <summary>Detection's per-device schedule: it looks for devices and sends the ones found into <see cref="Detection"/>.</summary>
    public DetectionScheduler Schedule { get; }

    /// <summary>Entry of the devices the detection schedule found.</summary>
    public TransformBlock<DeviceWork, StageOutcome> Detection { get; }

    /// <summary>Entry of the presence probe.</summary>
    public TransformBlock<DeviceWork, StageOutcome> Disconnection { get; }

    /// <summary>
    /// Completes the graph in order. Stages see <see cref="PipelineLifetime.Stopping"/> and turn waiting work
    /// into abandoned outcomes; work in flight may finish within <paramref name="drainTime"/>, then is cut.
    /// </summary>
    public async Task DrainAsync(TimeSpan drainTime, PipelineLifetime lifetime, TimeProvider time)
    {
        Detection.Complete();
        Disconnection.Complete();
        var stages = Task.WhenAll(Detection.Completion, _inspection.Completion, _download.Completion, Disconnection.Completion);
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

    /// <summary>A bounded input keeps a stage's own buffer small: a few items per worker; the queues before it hold the rest.</summary>
    private static int Capacity(int workers) => workers * 2;
}
