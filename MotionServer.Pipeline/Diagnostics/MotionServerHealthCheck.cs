using Microsoft.Extensions.Diagnostics.HealthChecks;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.Notices;

namespace MotionServer.Pipeline.Diagnostics;

/// <summary>
/// The pipeline's health, as .NET services report it (<c>AddMotionServer</c> registers it as <see cref="Name"/>).
/// Unhealthy when the server can no longer do its job by itself: the pipeline broke down
/// (<see cref="IMotionPipeline.Failure"/>) or the dashboard loop has not ticked for <see cref="StalledAfterIntervals"/>
/// intervals (a stuck loop, which a restart may cure). Degraded while a notice is up, whatever its severity: the
/// server still runs, but someone must act (a refused roster, a full disk, an unwritable folder), and a restart, which
/// is what "unhealthy" makes a supervisor do, cures none of them. Healthy otherwise.
/// </summary>
/// <param name="failure">The pipeline's <see cref="IMotionPipeline.Failure"/>.</param>
/// <param name="notices">Its notice board.</param>
/// <param name="time">The clock the dashboard loop ticks on.</param>
/// <param name="dashboards">The pipeline's dashboard loop once started; null or returning null: not watched.</param>
internal sealed class MotionServerHealthCheck(Task<Exception> failure, INoticeBoard notices, TimeProvider time, Func<DashboardPublisher?>? dashboards = null) : IHealthCheck
{
    /// <summary>The check's name in a health report.</summary>
    public const string Name = "MotionServer";

    /// <summary>Dashboard intervals without a tick after which the loop counts as stalled.</summary>
    public const int StalledAfterIntervals = 3;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    /// <summary>The health now.</summary>
    public HealthCheckResult Check()
    {
        if (failure.IsCompletedSuccessfully)
        {
            return HealthCheckResult.Unhealthy($"the pipeline broke down: {failure.Result.Message}");
        }

        if (DashboardStall() is { } stall)
        {
            return HealthCheckResult.Unhealthy(stall);
        }

        var current = notices.Current;
        return current.Count == 0
            ? HealthCheckResult.Healthy("running")
            : HealthCheckResult.Degraded(string.Join("; ", current.Select(n => $"{(n.Severity == NoticeSeverity.Error ? "ERROR" : "WARNING")} {n.Code}: {n.Text}")));
    }

    /// <summary>What is wrong with the dashboard loop, if it has stopped ticking; null when it ticks (or is not watched).</summary>
    private string? DashboardStall()
    {
        if (dashboards?.Invoke() is not { LastTickTimestamp: long last } loop)
        {
            return null;
        }

        var since = time.GetElapsedTime(last);
        return since > loop.Interval * StalledAfterIntervals
            ? $"the dashboards have not been refreshed for {since.TotalSeconds:0} s (every {loop.Interval.TotalSeconds:0.#} s expected)"
            : null;
    }
}
