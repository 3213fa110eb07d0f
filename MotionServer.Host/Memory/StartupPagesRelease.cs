using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MotionServer.Host.Memory;

/// <summary>
/// Once the server has started and settled (<see cref="AfterStart"/>), gives back the pages of its program file that
/// starting needed and running does not (<see cref="ProgramPages"/>). Once only: what a running server touches, it
/// touches again. Never stops the host: a failure is a debug line and the pages stay.
/// </summary>
internal sealed partial class StartupPagesRelease : IHostedService, IDisposable
{
    /// <summary>How long after the start: the first looks, presence probes and dashboards have run by then.</summary>
    public static readonly TimeSpan AfterStart = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<ProgramPagesReport> _pageOut;
    private ITimer? _timer;

    /// <summary>The service the host runs: the process's own pages.</summary>
    public StartupPagesRelease(TimeProvider time, ILogger<StartupPagesRelease> logger)
        : this(time, logger, ProgramPages.PageOut)
    {
    }

    /// <summary>A release that calls <paramref name="pageOut"/> (tests).</summary>
    internal StartupPagesRelease(TimeProvider time, ILogger<StartupPagesRelease> logger, Func<ProgramPagesReport> pageOut)
    {
        _time = time;
        _logger = logger;
        _pageOut = pageOut;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = _time.CreateTimer(_ => GiveBack(), null, AfterStart, Timeout.InfiniteTimeSpan);
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

    private void GiveBack()
    {
        try
        {
            var report = _pageOut();
            PagesGivenBack(_logger, report.Mappings, report.Bytes / (1024 * 1024), report.Refused);
        }
#pragma warning disable CA1031 // A timer's callback that throws ends the process: nothing here is worth that.
        catch (Exception e)
#pragma warning restore CA1031
        {
            PagesNotGivenBack(_logger, e.Message);
        }
    }
}
