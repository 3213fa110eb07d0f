using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Tests.Diagnostics;

/// <summary>A pipeline that only holds a fleet and a failure the test sets.</summary>
internal sealed class StubPipeline(IMotionFleet? fleet = null) : IMotionPipeline
{
    private readonly TaskCompletionSource<Exception> _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IMotionFleet Fleet { get; } = fleet ?? new StubFleet(new FleetSnapshot { Generated = DateTimeOffset.UnixEpoch, Running = true, Motions = [] });

    public Task<Exception> Failure => _failure.Task;

    public void BreakDown(Exception e) => _failure.SetResult(e);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A fleet whose snapshot the test sets; counts how often it is taken.</summary>
internal sealed class StubFleet(FleetSnapshot snapshot) : IMotionFleet
{
    public event EventHandler<MotionStatusChange>? StatusChanged
    {
        add { }
        remove { }
    }

    public FleetSnapshot Snapshot { get; set; } = snapshot;

    public int Taken { get; private set; }

    public FleetSnapshot GetSnapshot()
    {
        Taken++;
        return Snapshot;
    }

    public MotionSnapshot? GetMotion(int deviceId) => Snapshot.Motions.FirstOrDefault(m => m.Id == deviceId);
}
