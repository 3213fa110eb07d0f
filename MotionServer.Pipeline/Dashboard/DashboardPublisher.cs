using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// The dashboard stage: a <see cref="PeriodicLoop"/> renders, waits <see cref="DashboardOptions.Interval"/>, renders
/// again (a render that overruns the interval delays the next one; renders never pile up). Every tick writes
/// status.json, with its time; the HTML pages only when <see cref="PageRefreshRule"/> says they are due (what they show
/// changed, or they are a minute old: each page on its own). Every file is written atomically. A render error is logged (once per distinct
/// message) and the next tick tries again. <see cref="StopAsync"/> renders everything a last time, after the caller
/// has marked the fleet stopped.
/// </summary>
internal sealed partial class DashboardPublisher : IAsyncDisposable
{
    private readonly DashboardOptions _options;
    private readonly EventFolder _folder;
    private readonly Func<FleetSnapshot> _snapshot;
    private readonly TimeProvider _time;
    private readonly ILogger<DashboardPublisher> _logger;
    private readonly DashboardRenderer _renderer;
    private readonly Lock _renderGate = new();
    private readonly HashSet<string> _reportedErrors = new(StringComparer.Ordinal);
    private readonly PageRefreshRule _pages;
    private readonly CancellationTokenSource _stopping = new();
    private PeriodicLoop? _loop;
    private bool _stopped;
    private long _lastTick; // 0: not started

    /// <summary>The longest time unchanged pages stay on disk before they are rewritten anyway (docs/dashboards.md).</summary>
    public static readonly TimeSpan UnchangedPagesRewrittenAfter = TimeSpan.FromMinutes(1);

    /// <summary>Creates the stage; nothing runs before <see cref="Start"/>.</summary>
    public DashboardPublisher(DashboardOptions options, EventFolder folder, Func<FleetSnapshot> snapshot,
                              TimeProvider time, ILogger<DashboardPublisher> logger)
        : this(options, folder, snapshot, time, logger, strictVariables: false)
    {
    }

    /// <summary>Creates the stage, with strict template variables when <paramref name="strictVariables"/> (tests).</summary>
    internal DashboardPublisher(DashboardOptions options, EventFolder folder, Func<FleetSnapshot> snapshot,
                                TimeProvider time, ILogger<DashboardPublisher> logger, bool strictVariables)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _folder = folder;
        _snapshot = snapshot;
        _time = time;
        _logger = logger;
        string templates = string.IsNullOrWhiteSpace(options.Templates) ? MotionServerDefaults.DashboardTemplates : options.Templates;
        _renderer = new DashboardRenderer(
            new DashboardTemplates(Path.Combine(folder.Root, templates), templates, logger),
            time,
            options.Interval,
            strictVariables,
            reuseBuffers: true); // RenderNow writes the files before it renders again
        _pages = new PageRefreshRule(UnchangedPagesRewrittenAfter);
    }

    /// <summary>Raised after every render that wrote its files, status.json at least (for tests and embedders that watch the folder).</summary>
    internal event EventHandler? Rendered;

    /// <summary>Raised at the end of every tick of the loop, whether its render succeeded or not, with its duration (tests, metrics).</summary>
    internal event EventHandler<DashboardTickEventArgs>? Ticked;

    /// <summary>
    /// When the last tick ended (<see cref="TimeProvider.GetTimestamp"/> of the publisher's clock), or when the loop
    /// started if no tick ended yet; null before <see cref="Start"/>. A loop that no longer ticks shows here (health).
    /// </summary>
    internal long? LastTickTimestamp => Interlocked.Read(ref _lastTick) is var last and not 0 ? last : null;

    /// <summary>The time between ticks.</summary>
    internal TimeSpan Interval => _options.Interval;

    /// <summary>The dashboards folder this stage writes.</summary>
    public string DashboardsDirectory => _folder.DashboardsDirectory;

    /// <summary>Starts rendering: once at once, then every <see cref="DashboardOptions.Interval"/>.</summary>
    /// <exception cref="InvalidOperationException">Already started, or stopped.</exception>
    public void Start()
    {
        if (_loop is not null || _stopped)
        {
            throw new InvalidOperationException("The dashboard publisher was already started.");
        }

        Interlocked.Exchange(ref _lastTick, _time.GetTimestamp());
        _loop = new PeriodicLoop("Dashboards", _options.Interval, _ => Tick(), _time, _logger);
        _loop.Start(_stopping.Token);
        LogStarted(_logger, _folder.DashboardsDirectory, _options.Interval);
    }

    /// <summary>
    /// Stops the loop, lets a render in progress finish, then renders once more from the snapshot (the caller has
    /// marked the fleet stopped, so the pages say the server stopped). Never throws for a render error.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await StopLoopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            RenderNow(_snapshot());
            LogFinalRender(_logger);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRenderFailed(_logger, e.Message, e);
        }
    }

    /// <summary>Renders every page and status.json from <paramref name="snapshot"/> now, on this thread; throws on failure.</summary>
    public void RenderNow(FleetSnapshot snapshot) => RenderNow(snapshot, pagesOnlyWhenDue: false);

    /// <summary>
    /// Renders status.json, and the pages unless <paramref name="pagesOnlyWhenDue"/> and <see cref="PageRefreshRule"/>
    /// finds the pages on disk still current; throws on failure.
    /// </summary>
    private void RenderNow(FleetSnapshot snapshot, bool pagesOnlyWhenDue)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_renderGate)
        {
            var now = _time.GetUtcNow();
            int templates = _renderer.LookAtTemplates();
            var files = _renderer.Render(snapshot, (page, isOverride) => !pagesOnlyWhenDue || _pages.IsDue(page, isOverride, snapshot, templates, now));
            Directory.CreateDirectory(_folder.DashboardsDirectory);
            foreach (var file in files)
            {
                AtomicFile.WriteAllBytes(Path.Combine(_folder.DashboardsDirectory, file.Name), file.Content.Span, FileDurability.Derived);

                // Only once written: a page a failed write left behind stays due and is rendered again next tick.
                if (file.Name != DashboardRenderer.StatusFile)
                {
                    _pages.Rendered(file.Name, snapshot, templates, now);
                }
            }
        }

        Rendered?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Stops the loop without a final render (use <see cref="StopAsync"/> for a clean stop).</summary>
    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        try
        {
            await StopLoopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task StopLoopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            try
            {
                await loop.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // A render is still running: the final render waits for it (renders take milliseconds).
                LogStopWaitCancelled(_logger);
            }
        }
    }

    private Task Tick()
    {
        long started = _time.GetTimestamp();

        // Never throw: the loop would log it as a failed round without telling the dashboards recovered.
        try
        {
            RenderNow(_snapshot(), pagesOnlyWhenDue: true);
            if (_reportedErrors.Count > 0)
            {
                _reportedErrors.Clear();
                LogRenderRecovered(_logger);
            }
        }
#pragma warning disable CA1031 // every failure is logged and the next tick tries again
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (_reportedErrors.Add(e.Message))
            {
                LogRenderFailed(_logger, e.Message, e);
            }
        }
        finally
        {
            long ended = _time.GetTimestamp();
            Interlocked.Exchange(ref _lastTick, ended);
            Ticked?.Invoke(this, new DashboardTickEventArgs(_time.GetElapsedTime(started, ended)));
        }

        return Task.CompletedTask;
    }
}
