using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Stages;

/// <summary>
/// Runs a round, waits the interval, runs the next: a round that overruns delays the next one instead of
/// overlapping it. Time comes from an injected <see cref="TimeProvider"/>. A round that throws is logged
/// and the loop goes on: one bad round must not stop detection for the rest of the day.
/// </summary>
internal sealed partial class PeriodicLoop(string name, TimeSpan interval, Func<CancellationToken, Task> round, TimeProvider time, ILogger logger)
{
    private Task _running = Task.CompletedTask;

    public void Start(CancellationToken stopping) => _running = RunAsync(stopping);

    /// <summary>Completes when the loop has ended after <c>stopping</c> was cancelled.</summary>
    public Task Completion => _running;

    private async Task RunAsync(CancellationToken stopping)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await round(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // the loop must survive anything a round throws
            catch (Exception e)
#pragma warning restore CA1031
            {
                RoundFailed(logger, name, e.GetType().Name, e.Message);
            }

            try
            {
                await Task.Delay(interval, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
