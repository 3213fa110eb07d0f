namespace MotionServer.Pipeline.Stages;

/// <summary>
/// The two moments of a stop. <see cref="Stopping"/>: no new work starts (loops end, retries are dropped,
/// a device waiting for a stage is abandoned). <see cref="Abandon"/>: work still in flight at the drain deadline
/// is cut (its partial files removed). Between the two, in-flight downloads may finish.
/// </summary>
internal sealed class PipelineLifetime : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abandon = new();

    public CancellationToken Stopping => _stopping.Token;

    public CancellationToken Abandon => _abandon.Token;

    public bool IsStopping => _stopping.IsCancellationRequested;

    public void BeginStop() => _stopping.Cancel();

    public void AbandonInFlightWork()
    {
        _stopping.Cancel();
        _abandon.Cancel();
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abandon.Dispose();
    }
}
