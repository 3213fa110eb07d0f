using System.Threading.Tasks.Dataflow;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Disconnection;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Graph;

/// <summary>
/// The Dataflow graph, as the design card draws it:
/// <code>
///   sweep ──► detection ──detected──► inspection ──downloads needed──► download ──┐
///                ▲   │                    │                                       │
///                │   └────────┬───────────┴──────── failed ───► retry buffer ◄────┤
///                └──── retry pacer (backoff) ◄────────────────────────┘           │
///   presence probe ──► disconnection ──────────────────────────────► sink ◄───────┘ (done / not found / abandoned)
/// </code>
/// Each stage runs its Workers setting in parallel with a bounded input. Forward outcomes (detected, downloads
/// needed) wait for room downstream: that back-pressure is what the bounds are for. Every other outcome has a
/// target that never refuses while the graph runs (the unbounded retry buffer, the sink), so nothing can block a
/// source. There is deliberately no catch-all link while running: a bounded target postpones an offer, the source
/// then offers the item to its next link, and a catch-all would swallow it — a device lost mid-graph.
/// Completion propagates along the forward edges only (the retry edge closes a cycle).
/// </summary>
internal sealed class PipelineGraph : IDisposable
{
    private readonly DeviceHttpClient _http;
    private readonly TransformBlock<StageOutcome, StageOutcome> _inspection;
    private readonly TransformBlock<StageOutcome, StageOutcome> _download;
    private readonly RetryPacer _retry;
    private readonly ActionBlock<StageOutcome> _sink;

    public PipelineGraph(
        MotionServerOptions options,
        EventFolder folder,
        FleetState fleet,
        IAddressResolver resolver,
        IConnectProbe probe,
        PipelineLifetime lifetime,
        TimeProvider time,
        ILogger logger,
        DiskSpaceGate diskSpace)
    {
        _http = new DeviceHttpClient(options.Inspection.RequestTimeout);
        var ledgers = new LedgerStore(folder);
        var failures = new FailurePolicy(fleet, options, logger);

        var detection = new DetectionStage(resolver, probe, fleet, options, lifetime, logger);
        var inspection = new InspectionStage(_http, new MetadataCache(folder), ledgers, new TrackPlanner(options, folder), fleet, failures, options, lifetime, logger);
        var download = new DownloadStage(new TrackDownloader(_http.Client, options.Download, time), ledgers, fleet, failures, options, lifetime, diskSpace, time, logger);
        var disconnection = new DisconnectionStage(probe, fleet, options, lifetime, logger);

        Detection = DataflowBlocks.Stage<DeviceWork, StageOutcome>(detection.DetectAsync, options.Detection.Workers, Capacity(options.Detection.Workers));
        _inspection = DataflowBlocks.Stage<StageOutcome, StageOutcome>(inspection.InspectAsync, options.Inspection.Workers, Capacity(options.Inspection.Workers));
        _download = DataflowBlocks.Stage<StageOutcome, StageOutcome>(download.DownloadAsync, options.Download.Workers, Capacity(options.Download.Workers));
        Disconnection = DataflowBlocks.Stage<DeviceWork, StageOutcome>(disconnection.ProbeAsync, options.Disconnection.Workers, Capacity(options.Disconnection.Workers));
        _retry = new RetryPacer(fleet, time, lifetime);
        _sink = new ActionBlock<StageOutcome>(outcome => fleet.Release(outcome.Work.DeviceId));

        Detection.Route<DeviceDetected>(_inspection, propagate: true);
        _inspection.Route<DownloadsNeeded>(_download, propagate: true);
        foreach (var source in new ISourceBlock<StageOutcome>[] { Detection, _inspection, _download, Disconnection })
        {
            source.Route<DeviceFailed>(_retry.Buffer);
            source.LinkTo(_sink, o => o is not (DeviceDetected or DownloadsNeeded));
        }

        _retry.Delay.LinkTo(Detection);
    }

    /// <summary>Entry of the detection sweep and of retries.</summary>
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

        // Nothing can post a failure any more: close the retry path, then the sink. Detection is complete, so a
        // retry still waiting to re-enter it has nowhere to go: drop it (the server is stopping anyway).
        _retry.Delay.DropTheRest();
        _retry.Buffer.Complete();
        await _retry.Delay.Completion.ConfigureAwait(false);
        _sink.Complete();
        await _sink.Completion.ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A bounded input keeps memory flat and lets the sweep feel back-pressure: a few items per worker.</summary>
    private static int Capacity(int workers) => workers * 2;
}
