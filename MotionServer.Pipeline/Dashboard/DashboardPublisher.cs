using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Dashboard;

// TEMPORARY: replaced by the dashboards work (branch `dashboard`) when it merges; keeps the pipeline compiling.
internal sealed class DashboardPublisher(DashboardOptions options, EventFolder folder, Func<FleetSnapshot> snapshot, TimeProvider time, ILogger<DashboardPublisher> logger) : IAsyncDisposable
{
    public void Start() => _ = (options, time, logger);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        RenderNow(snapshot());
        return Task.CompletedTask;
    }

    public void RenderNow(FleetSnapshot fleet) =>
        AtomicFile.WriteAllText(Path.Combine(folder.DashboardsDirectory, "status.json"), fleet.Running ? "{\"server\":\"running\"}" : "{\"server\":\"stopped\"}");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
