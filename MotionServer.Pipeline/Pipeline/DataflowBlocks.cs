using System.Threading.Tasks.Dataflow;

namespace MotionServer.Pipeline.Pipeline;

/// <summary>
/// Builds the graph's blocks and links one way, so the rules that keep the graph alive are kept everywhere:
/// stage delegates return outcomes (never throw), order is not preserved (one slow device must not hold
/// back the others' results), and every source ends with a catch-all link so no item can block a source.
/// </summary>
internal static class DataflowBlocks
{
    public static readonly DataflowLinkOptions Propagate = new() { PropagateCompletion = true };

    public static readonly DataflowLinkOptions NoPropagation = new() { PropagateCompletion = false };

    /// <summary>
    /// A stage running <paramref name="workers"/> items at once. Its input is deliberately not bounded: a bounded block
    /// that is full <em>postpones</em> an offered item, and a Dataflow source then offers that item to its next link —
    /// the catch-all — which drops it, so the device stays claimed and is never looked at again (seen with 30 devices
    /// present at start: the ones beyond the inspection queue's room stayed "connected" forever). The bound is kept where
    /// it belongs instead: the fleet state lets each roster device into the graph once at a time, so a stage never holds
    /// more items than there are devices.
    /// </summary>
    public static TransformBlock<TIn, TOut> Stage<TIn, TOut>(Func<TIn, Task<TOut>> body, int workers) =>
        new(body, new ExecutionDataflowBlockOptions
        {
            MaxDegreeOfParallelism = workers,
            BoundedCapacity = DataflowBlockOptions.Unbounded,
            EnsureOrdered = false,
            SingleProducerConstrained = false,
        });

    /// <summary>Routes a source's outcomes of type <typeparamref name="T"/> to a target.</summary>
    public static IDisposable Route<T>(this ISourceBlock<StageOutcome> source, ITargetBlock<StageOutcome> target, bool propagate = false)
        where T : StageOutcome =>
        source.LinkTo(target, propagate ? Propagate : NoPropagation, o => o is T);

    /// <summary>
    /// The last link of every source: whatever no other link took is dropped here, never left blocking. Only a target
    /// that has completed (after shutdown) declines, because no target in the graph is bounded (see <see cref="Stage"/>).
    /// </summary>
    public static IDisposable EndWithCatchAll<T>(this ISourceBlock<T> source) =>
        source.LinkTo(DataflowBlock.NullTarget<T>());
}
