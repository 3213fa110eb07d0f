using MotionServer.Pipeline.DependencyInjection;
using MotionServer.Pipeline.State;
using Microsoft.Extensions.Hosting;

namespace MotionServer.Pipeline.Tests.DependencyInjection;

/// <summary>A pipeline that breaks down while running must not leave a host that looks alive: it stops it, non-zero.</summary>
[Collection(ProcessExitCode.Collection)]
public sealed class MotionPipelineHostedServiceTests
{
    [Fact]
    public async Task A_pipeline_failure_stops_the_host_with_exit_code_1()
    {
        var pipeline = new FailingPipeline();
        var application = new RecordingLifetime();
        var service = new MotionPipelineHostedService(pipeline, application);
        int before = Environment.ExitCode;
        try
        {
            Environment.ExitCode = 0;
            await service.StartAsync(CancellationToken.None);
            application.StopRequested.IsCompleted.Should().BeFalse("nothing has failed yet");

            pipeline.Fail(new InvalidOperationException("the sink block broke down"));

            await application.StopRequested.WaitAsync(TimeSpan.FromSeconds(10));
            Environment.ExitCode.Should().Be(1);
        }
        finally
        {
            Environment.ExitCode = before;
        }
    }

    [Fact]
    public async Task An_exit_code_already_set_is_kept()
    {
        var pipeline = new FailingPipeline();
        var application = new RecordingLifetime();
        int before = Environment.ExitCode;
        try
        {
            Environment.ExitCode = 3;
            await new MotionPipelineHostedService(pipeline, application).StartAsync(CancellationToken.None);

            pipeline.Fail(new InvalidOperationException("broke"));

            await application.StopRequested.WaitAsync(TimeSpan.FromSeconds(10));
            Environment.ExitCode.Should().Be(3);
        }
        finally
        {
            Environment.ExitCode = before;
        }
    }

    private sealed class FailingPipeline : IMotionPipeline
    {
        private readonly TaskCompletionSource<Exception> _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IMotionFleet Fleet => throw new NotSupportedException();

        public Task<Exception> Failure => _failure.Task;

        public void Fail(Exception error) => _failure.SetResult(error);

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class RecordingLifetime : IHostApplicationLifetime
    {
        private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task StopRequested => _stop.Task;

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stop.TrySetResult();
    }
}

/// <summary>Tests that touch the process's exit code run one at a time.</summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class ProcessExitCode
{
    public const string Collection = "process exit code";
}
