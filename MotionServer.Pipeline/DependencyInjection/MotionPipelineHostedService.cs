using Microsoft.Extensions.Hosting;

namespace MotionServer.Pipeline.DependencyInjection;

/// <summary>
/// Runs the pipeline inside a Generic Host. StartAsync does the start-up checks itself (not a BackgroundService:
/// since .NET 10 all of ExecuteAsync runs in the background, and a bad roster must fail the start, not a later task).
/// A pipeline that breaks down while running (<see cref="IMotionPipeline.Failure"/>) stops the host, with exit code 1
/// unless something else already set one: a server that can no longer do its job must not look alive.
/// The pipeline's stop begins in <see cref="StoppingAsync"/>, before any hosted service is stopped: its drain runs
/// from the moment the host stops, beside the other services' stops (a web server held by a slow phone, say), rather
/// than after them with whatever of the host's timeout they left, or an already-cancelled token.
/// </summary>
internal sealed class MotionPipelineHostedService(IMotionPipeline pipeline, IHostApplicationLifetime application) : IHostedLifecycleService
{
    private Task? _stopping;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = pipeline.StopAsync(cancellationToken);
        return Task.CompletedTask;
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await pipeline.StartAsync(cancellationToken).ConfigureAwait(false);
        _ = pipeline.Failure.ContinueWith(
            _ =>
            {
                if (Environment.ExitCode == 0)
                {
                    Environment.ExitCode = 1;
                }

                application.StopApplication();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _stopping ?? pipeline.StopAsync(cancellationToken);
}
