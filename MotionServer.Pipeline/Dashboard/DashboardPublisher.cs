using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Logging;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// The dashboard stage: a timer posts a tick every <see cref="DashboardOptions.Interval"/> into an
/// <see cref="ActionBlock{T}"/> of capacity 1, so a tick that arrives while a render runs is dropped (renders never
/// pile up); each render writes every page and status.json atomically. A render error is logged (once per distinct
/// message) and the next tick tries again: the block never faults. <see cref="StopAsync"/> renders a last time,
/// after the caller has marked the fleet stopped.
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
    private ActionBlock<DateTimeOffset>? _block;
    private ITimer? _timer;
    private bool _stopped;

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
    }

    /// <summary>Raised after every render that wrote its files (for tests and embedders that watch the folder).</summary>
    internal event EventHandler? Rendered;

    /// <summary>Raised at the end of every timer tick, whether its render succeeded or not (tests).</summary>
    internal event EventHandler? Ticked;

    /// <summary>The dashboards folder this stage writes.</summary>
    public string DashboardsDirectory => _folder.DashboardsDirectory;

    /// <summary>Starts rendering: once at once, then every <see cref="DashboardOptions.Interval"/>.</summary>
    /// <exception cref="InvalidOperationException">Already started, or stopped.</exception>
    public void Start()
    {
        if (_block is not null || _stopped)
        {
            throw new InvalidOperationException("The dashboard publisher was already started.");
        }

        _block = new ActionBlock<DateTimeOffset>(
            _ => Tick(),
            new ExecutionDataflowBlockOptions { BoundedCapacity = 1, MaxDegreeOfParallelism = 1, SingleProducerConstrained = false });
        _timer = _time.CreateTimer(static state => ((DashboardPublisher)state!).Post(), this, TimeSpan.Zero, _options.Interval);
        LogStarted(_logger, _folder.DashboardsDirectory, _options.Interval);
    }

    /// <summary>
    /// Stops the timer, lets a render in progress finish, then renders once more from the snapshot (the caller has
    /// marked the fleet stopped, so the pages say the server stopped). Never throws for a render error.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await StopTimerAndBlockAsync(cancellationToken).ConfigureAwait(false);
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
    public void RenderNow(FleetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_renderGate)
        {
            var files = _renderer.Render(snapshot);
            Directory.CreateDirectory(_folder.DashboardsDirectory);
            foreach (var file in files)
            {
                AtomicFile.WriteAllBytes(Path.Combine(_folder.DashboardsDirectory, file.Name), file.Content.Span);
            }
        }

        Rendered?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Stops the timer and the block without a final render (use <see cref="StopAsync"/> for a clean stop).</summary>
    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        try
        {
            await StopTimerAndBlockAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Post()
    {
        // Capacity 1 and one worker: while a render runs the block is full and this tick is dropped.
        _block?.Post(_time.GetUtcNow());
    }

    private async Task StopTimerAndBlockAsync(CancellationToken cancellationToken)
    {
        if (_timer is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        if (_block is { } block)
        {
            block.Complete();
            try
            {
                await block.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // A render is still running: the final render waits for it (renders take milliseconds).
                LogStopWaitCancelled(_logger);
            }
        }
    }

    private void Tick()
    {
        // Never throw: an exception would fault the block and end the dashboards for the rest of the event.
        try
        {
            RenderNow(_snapshot());
            if (_reportedErrors.Count > 0)
            {
                _reportedErrors.Clear();
                LogRenderRecovered(_logger);
            }
        }
        catch (Exception e)
        {
            if (_reportedErrors.Add(e.Message))
            {
                LogRenderFailed(_logger, e.Message, e);
            }
        }
        finally
        {
            Ticked?.Invoke(this, EventArgs.Empty);
        }
    }
}
