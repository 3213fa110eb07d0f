using System.Threading.Tasks.Dataflow;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Graph;

/// <summary>
/// The retry path: failed devices wait in the retry buffer, then each waits out its own backoff and goes
/// back to detection. Once the server is stopping, a waiting device is released instead of re-posted.
/// </summary>
internal sealed class RetryPacer
{
    private readonly FleetState _fleet;
    private readonly TimeProvider _time;
    private readonly PipelineLifetime _lifetime;

    public RetryPacer(FleetState fleet, TimeProvider time, PipelineLifetime lifetime, DataflowBlocks blocks)
    {
        _fleet = fleet;
        _time = time;
        _lifetime = lifetime;
        Buffer = blocks.Queue<StageOutcome>("retry buffer");
        // Every failed device waits at once, each on its own clock: one long backoff holds back no other device.
        Delay = blocks.Waiting<StageOutcome, DeviceWork>("retry pacer", WaitAsync);
        DataflowBlocks.Forward(Buffer, Delay);
    }

    /// <summary>The retry BufferBlock: every stage's failures are routed here.</summary>
    public BufferBlock<StageOutcome> Buffer { get; }

    /// <summary>Emits each device when its backoff is over, to be linked to detection.</summary>
    public TransformManyBlock<StageOutcome, DeviceWork> Delay { get; }

    private async Task<IEnumerable<DeviceWork>> WaitAsync(StageOutcome failed)
    {
        var work = failed.Work with { Address = null };
        try
        {
            var wait = _fleet.RetryWaitOf(work.DeviceId); // on the monotonic clock: a clock stepped back changes nothing
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, _lifetime.Stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: nothing more will be done for it in this run.
        }

        if (_lifetime.IsStopping)
        {
            _fleet.Release(work.DeviceId);
            return [];
        }

        return [work];
    }
}
