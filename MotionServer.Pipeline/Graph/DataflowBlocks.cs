using System.Threading.Tasks.Dataflow;
using MotionServer.Pipeline.Stages;

namespace MotionServer.Pipeline.Graph;

/// <summary>
/// Builds the graph's blocks and links one way, so the rules that keep the graph alive are kept everywhere:
/// stage delegates return outcomes (never throw), and order is not preserved (one slow device must not hold
/// back the others' results).
/// </summary>
internal static class DataflowBlocks
{
    public static readonly DataflowLinkOptions Propagate = new() { PropagateCompletion = true };

    public static readonly DataflowLinkOptions NoPropagation = new() { PropagateCompletion = false };

    /// <summary>A stage running <paramref name="workers"/> items at once, holding at most <paramref name="capacity"/>.</summary>
    public static TransformBlock<TIn, TOut> Stage<TIn, TOut>(Func<TIn, Task<TOut>> body, int workers, int capacity) =>
        new(body, new ExecutionDataflowBlockOptions
        {
            MaxDegreeOfParallelism = workers,
            BoundedCapacity = capacity,
            EnsureOrdered = false,
            SingleProducerConstrained = false,
        });

    /// <summary>Routes a source's outcomes of type <typeparamref name="T"/> to a target.</summary>
    public static IDisposable Route<T>(this ISourceBlock<StageOutcome> source, ITargetBlock<StageOutcome> target, bool propagate = false)
        where T : StageOutcome =>
        source.LinkTo(target, propagate ? Propagate : NoPropagation, o => o is T);

    /// <summary>
    /// Drops whatever a source still offers. Only for the end of a stop: linked any earlier, a catch-all takes the
    /// items that a bounded target postponed (it is offered them next) and devices silently vanish.
    /// </summary>
    public static IDisposable DropTheRest<T>(this ISourceBlock<T> source) =>
        source.LinkTo(DataflowBlock.NullTarget<T>());
}
