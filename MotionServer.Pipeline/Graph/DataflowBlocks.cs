using System.Threading.Tasks.Dataflow;
using MotionServer.Pipeline.Stages;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Graph;

/// <summary>
/// Builds every block of the graph, so the rules that keep it alive hold everywhere:
/// <list type="bullet">
/// <item>a stage runs only through the shared <see cref="StageGuard"/>: its delegate cannot throw;</item>
/// <item>order is not preserved (one slow device must not hold back the others' results);</item>
/// <item>every link gets options of its own (shared mutable link options are one careless assignment from changing
/// every link of the graph);</item>
/// <item>every block is watched: one that faults all the same (a defect in our own plumbing) is said at once, loudly,
/// and the pipeline is failed so the host stops with a non-zero exit code, instead of the fleet going silent until
/// someone stops the server.</item>
/// </list>
/// </summary>
internal sealed partial class DataflowBlocks(StageGuard guard, ILogger logger, Action<string, Exception> faulted)
{
    /// <summary>An entry stage fed with devices, running <paramref name="workers"/> of them at once.</summary>
    public TransformBlock<DeviceWork, StageOutcome> Stage(IDeviceStage<DeviceWork> stage, int workers) =>
        Watch(stage.Name, new TransformBlock<DeviceWork, StageOutcome>(guard.Guard(stage), StageOptions(workers)));

    /// <summary>A stage fed with the outcomes of the one before it, running <paramref name="workers"/> devices at once.</summary>
    public TransformBlock<StageOutcome, StageOutcome> Stage<TInput>(IDeviceStage<TInput> stage, int workers)
        where TInput : StageOutcome =>
        Watch(stage.Name, new TransformBlock<StageOutcome, StageOutcome>(guard.Guard(stage), StageOptions(workers)));

    /// <summary>A queue that never refuses: the roster bounds it (a device is in the graph at most once).</summary>
    public BufferBlock<T> Queue<T>(string name) => Watch(name, new BufferBlock<T>());

    /// <summary>A waiting room: each item waits on its own clock, all at once (waiting costs nothing).</summary>
    public TransformManyBlock<TIn, TOut> Waiting<TIn, TOut>(string name, Func<TIn, Task<IEnumerable<TOut>>> wait) =>
        Watch(name, new TransformManyBlock<TIn, TOut>(wait, new ExecutionDataflowBlockOptions
        {
            MaxDegreeOfParallelism = DataflowBlockOptions.Unbounded,
            EnsureOrdered = false,
        }));

    /// <summary>The end of a path: a quick action per item, one at a time.</summary>
    public ActionBlock<T> Sink<T>(string name, Action<T> action) => Watch(name, new ActionBlock<T>(action));

    /// <summary>Links forward; completion follows the link.</summary>
    public static IDisposable Forward<T>(ISourceBlock<T> source, ITargetBlock<T> target) =>
        source.LinkTo(target, new DataflowLinkOptions { PropagateCompletion = true });

    /// <summary>Routes a source's outcomes of type <typeparamref name="T"/> to a target; completion follows if <paramref name="propagate"/>.</summary>
    public static IDisposable Route<T>(ISourceBlock<StageOutcome> source, ITargetBlock<StageOutcome> target, bool propagate = false)
        where T : StageOutcome =>
        source.LinkTo(target, new DataflowLinkOptions { PropagateCompletion = propagate }, o => o is T);

    /// <summary>Routes every outcome <paramref name="accepts"/> to a target, without completion.</summary>
    public static IDisposable Route(ISourceBlock<StageOutcome> source, ITargetBlock<StageOutcome> target, Predicate<StageOutcome> accepts) =>
        source.LinkTo(target, new DataflowLinkOptions { PropagateCompletion = false }, accepts);

    private static ExecutionDataflowBlockOptions StageOptions(int workers) => new()
    {
        MaxDegreeOfParallelism = workers,
        // A stage's own input stays small (a few items per worker); the queues before it hold the rest.
        BoundedCapacity = workers * 2,
        EnsureOrdered = false,
        SingleProducerConstrained = false,
    };

    private TBlock Watch<TBlock>(string name, TBlock block)
        where TBlock : IDataflowBlock
    {
        block.Completion.ContinueWith(
            completion =>
            {
                var error = completion.Exception!.GetBaseException();
                BlockFaulted(logger, name, error.GetType().Name, error.Message, error);
                faulted(name, error);
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return block;
    }
}
