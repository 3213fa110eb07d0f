using MotionServer.Pipeline.Configuration;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Graph;

internal sealed partial class MotionPipeline
{
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stateGate)
        {
            if (!_running)
            {
                return Task.CompletedTask;
            }

            return _stopped ??= StopCoreAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The graph is a cycle (failures go back to detection), which completion propagation alone cannot
    /// complete, so the order is explicit: stop the loops, complete the entries, let the stages drain
    /// (in-flight downloads may finish until the drain deadline, then are cut), complete the retry path and
    /// the sink last, let the results stage rebuild the last tracks' day, then write the final dashboards.
    /// </summary>
    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        using var abandonOnCancel = cancellationToken.Register(_lifetime.AbandonInFlightWork);
        StopRequested(_logger);
        _lifetime.BeginStop();
        try
        {
            if (_graph is not null)
            {
                await Task.WhenAll(_graph.Schedule.Completion, _graph.Presence.Completion).ConfigureAwait(false);
                await _graph.DrainAsync(StopBudget.DrainTime(_options.Host), _lifetime, _time).ConfigureAwait(false);
            }

            if (_results is not null)
            {
                // The last tracks' day, rebuilt within its share of the time kept back for after the drain.
                await _results.StopAsync(StopBudget.Results, _time).ConfigureAwait(false);
            }
        }
        finally
        {
            _fleet.MarkStopped();
            if (_dashboards is not null)
            {
                await _dashboards.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await _dashboards.DisposeAsync().ConfigureAwait(false);
            }

            _fleet.StatusChanged -= SaveHistoryOnChange;
            if (!_options.DryRun)
            {
                await _historyWriter.StopAsync().ConfigureAwait(false); // the history as it is at the stop
            }

            _graph?.Dispose();
            _results?.Dispose();
            _lock?.Dispose();
            _lock = null;
            Stopped(_logger);
        }
    }
}
