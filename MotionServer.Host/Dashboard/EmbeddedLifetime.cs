using Microsoft.Extensions.Hosting;

namespace MotionServer.Host.Dashboard;

/// <summary>The lifetime of a web application that lives inside another host: it listens to no console signal.</summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
