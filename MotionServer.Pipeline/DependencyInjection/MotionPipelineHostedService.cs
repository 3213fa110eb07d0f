using Microsoft.Extensions.Hosting;
using MotionServer.Pipeline.Graph;

namespace MotionServer.Pipeline.DependencyInjection;

/// <summary>
/// Runs the pipeline inside a Generic Host. StartAsync does the start-up checks itself (not a BackgroundService:
/// since .NET 10 all of ExecuteAsync runs in the background, and a bad roster must fail the start, not a later task).
/// </summary>
internal sealed class MotionPipelineHostedService(IMotionPipeline pipeline) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => pipeline.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => pipeline.StopAsync(cancellationToken);
}
