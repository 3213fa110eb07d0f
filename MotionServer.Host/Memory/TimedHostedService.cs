using Microsoft.Extensions.Hosting;

namespace MotionServer.Host.Memory;

/// <summary>
/// A hosted service that runs <see cref="Run"/> on a timer of the host's clock: first after a delay, then every
/// period (or once, with an infinite period), and never after a stop. <see cref="Run"/> never ends the process: what it
/// throws goes to <see cref="Failed"/>, as a timer's callback that throws would take the whole server down.
/// </summary>
internal abstract class TimedHostedService : IHostedService, IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _dueTime;
    private readonly TimeSpan _period;
    private ITimer? _timer;

    /// <summary>A service that runs after <paramref name="dueTime"/>, then every <paramref name="period"/>.</summary>
    protected TimedHostedService(TimeProvider time, TimeSpan dueTime, TimeSpan period)
    {
        _time = time;
        _dueTime = dueTime;
        _period = period;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = _time.CreateTimer(_ => RunGuarded(), null, _dueTime, _period);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _timer, null)?.Dispose();

    /// <summary>The work of one tick.</summary>
    protected abstract void Run();

    /// <summary>What <see cref="Run"/> threw (a debug line, say); the next tick, if any, runs as usual.</summary>
    protected abstract void Failed(Exception exception);

    private void RunGuarded()
    {
        try
        {
            Run();
        }
#pragma warning disable CA1031 // A timer's callback that throws ends the process: nothing here is worth that.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Failed(e);
        }
    }
}
