using MotionServer.Pipeline.Logging;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Stages;

/// <summary>
/// The one guard around every stage's logic. A stage's delegate must never throw (an exception would fault its block
/// and stop the whole fleet), and work that waited while the server began to stop must be left cleanly. So: stopping →
/// <see cref="DeviceAbandoned"/>; a cancellation while stopping → abandoned; any other exception → classified
/// (<see cref="StageError"/>) and handed to the stage's <see cref="IDeviceStage{TInput}.FailedAsync"/>; and should that
/// throw too, the device is still failed and retried, with a line that says so.
/// </summary>
internal sealed partial class StageGuard(PipelineLifetime lifetime, ILogger logger)
{
    /// <summary>A guarded entry stage, fed with devices (detection, the presence probe).</summary>
    public Func<DeviceWork, Task<StageOutcome>> Guard(IDeviceStage<DeviceWork> stage) =>
        work => RunAsync(stage, work, work);

    /// <summary>A guarded stage fed with the outcomes of the stage before it; it takes only <typeparamref name="TInput"/>.</summary>
    public Func<StageOutcome, Task<StageOutcome>> Guard<TInput>(IDeviceStage<TInput> stage)
        where TInput : StageOutcome =>
        outcome => outcome is TInput input ? RunAsync(stage, input, outcome.Work) : Refuse(stage.Name, outcome);

    private async Task<StageOutcome> RunAsync<TInput>(IDeviceStage<TInput> stage, TInput input, DeviceWork work)
    {
        if (lifetime.IsStopping)
        {
            return new DeviceAbandoned(work);
        }

        try
        {
            return await stage.RunAsync(input).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.IsStopping)
        {
            return new DeviceAbandoned(work);
        }
#pragma warning disable CA1031 // the point of the guard: whatever one device causes, the block lives on
        catch (Exception e)
#pragma warning restore CA1031
        {
            return await FailedAsync(stage, work, StageError.Classify(e)).ConfigureAwait(false);
        }
    }

    private async Task<StageOutcome> FailedAsync<TInput>(IDeviceStage<TInput> stage, DeviceWork work, StageError error)
    {
        try
        {
            return await stage.FailedAsync(work, error).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.IsStopping)
        {
            return new DeviceAbandoned(work);
        }
#pragma warning disable CA1031 // as above: the device is retried, the block lives on
        catch (Exception e)
#pragma warning restore CA1031
        {
            HandlingFailed(logger, work.Hostname, stage.Name, error.Reason, e.GetType().Name, LogText.Escape(e.Message));
            return new DeviceFailed(work, error.Reason);
        }
    }

    private Task<StageOutcome> Refuse(string stage, StageOutcome outcome)
    {
        // A wiring defect, not a device's fault: said loudly, and the device is let go (detection finds it again).
        Misrouted(logger, outcome.Work.Hostname, stage, outcome.GetType().Name);
        return Task.FromResult<StageOutcome>(new DeviceAbandoned(outcome.Work));
    }
}
