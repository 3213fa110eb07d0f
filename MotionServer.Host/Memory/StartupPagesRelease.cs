using Microsoft.Extensions.Logging;

namespace MotionServer.Host.Memory;

/// <summary>
/// Once the server has started and settled (<see cref="AfterStart"/>), gives back the pages of its program file that
/// starting needed and running does not (<see cref="ProgramPages"/>). Once only: what a running server touches, it
/// touches again. Never stops the host: a failure is a debug line and the pages stay.
/// </summary>
internal sealed partial class StartupPagesRelease : TimedHostedService
{
    /// <summary>How long after the start: the first looks, presence probes and dashboards have run by then.</summary>
    public static readonly TimeSpan AfterStart = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger;
    private readonly Func<ProgramPagesReport> _pageOut;

    /// <summary>The service the host runs: the process's own pages.</summary>
    public StartupPagesRelease(TimeProvider time, ILogger<StartupPagesRelease> logger)
        : this(time, logger, ProgramPages.PageOut)
    {
    }

    /// <summary>A release that calls <paramref name="pageOut"/> (tests).</summary>
    internal StartupPagesRelease(TimeProvider time, ILogger<StartupPagesRelease> logger, Func<ProgramPagesReport> pageOut)
        : base(time, AfterStart, Timeout.InfiniteTimeSpan)
    {
        _logger = logger;
        _pageOut = pageOut;
    }

    /// <inheritdoc />
    protected override void Run()
    {
        var report = _pageOut();
        PagesGivenBack(_logger, report.Mappings, report.Bytes / (1024 * 1024), report.Refused);
    }

    /// <inheritdoc />
    protected override void Failed(Exception exception) => PagesNotGivenBack(_logger, exception.Message);
}
