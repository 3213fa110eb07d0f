using MotionServer.Pipeline.Notices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MotionServer.Host.Dashboard;

/// <summary>
/// The opt-in <c>Dashboard:Listen</c> server: serves the dashboards folder read-only over HTTP (Kestrel from the
/// ASP.NET Core shared framework) so phones on the event WiFi can follow the beach, the platform's way
/// (<see cref="DashboardServing"/>: static files with ETags, compression, <c>no-cache</c>; <c>/healthz</c>). GET and
/// HEAD only, files directly in that folder only (<see cref="DashboardFileRequest"/>), <c>/</c> is index.html. A server that
/// cannot listen (port taken, bad address) is logged as an ERROR and the rest of the host runs on: downloading the
/// tracks matters more than the phones.
/// </summary>
internal sealed partial class DashboardWebServer : IHostedService
{
    private readonly string _listenUrl;
    private readonly string _directory;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<DashboardWebServer> _logger;
    private readonly INoticeBoard? _notices;
    private readonly HealthCheckService? _health;
    private WebApplication? _app;

    /// <summary>How long requests in flight may go on once the server stops (<see cref="StopAsync"/>).</summary>
    public static readonly TimeSpan StopShare = TimeSpan.FromSeconds(1);

    /// <summary>Creates the server; it listens from <see cref="StartAsync"/>.</summary>
    /// <param name="listenUrl">E.g. <c>http://0.0.0.0:8080</c>; port 0 picks a free port (tests).</param>
    /// <param name="dashboardsDirectory">The folder served.</param>
    /// <param name="loggerFactory">The host's logging, which Kestrel logs through too.</param>
    /// <param name="notices">Where a server that cannot listen is shown to the staff (and logged); null: logged only.</param>
    /// <param name="health">The host's health checks, served at <c>/healthz</c>; null: no <c>/healthz</c>.</param>
    public DashboardWebServer(string listenUrl, string dashboardsDirectory, ILoggerFactory loggerFactory, INoticeBoard? notices = null, HealthCheckService? health = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listenUrl);
        if (!Configuration.DashboardListenOptions.IsHttpUrlWithoutPath(listenUrl))
        {
            // Checked once, where the settings are read (DashboardListenOptions, with file and line); here only a
            // caller's mistake can bring one.
            throw new ArgumentException($"'{listenUrl}' is not a usable Dashboard:Listen: {Configuration.DashboardListenOptions.Expected}", nameof(listenUrl));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(dashboardsDirectory);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _listenUrl = listenUrl;
        _directory = Path.GetFullPath(dashboardsDirectory);
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DashboardWebServer>();
        _notices = notices;
        _health = health;
    }

    /// <summary>The addresses listened on once started (with the real port when 0 was asked), else empty.</summary>
    public IReadOnlyList<string> Addresses => _app is null ? [] : [.. _app.Urls];

    /// <summary>Starts listening; logs and carries on when it cannot.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });

        // A server inside the host, not a host of its own: it must not take Ctrl+C / SIGTERM from the real host,
        // nor log "Application started" or "Hosting failed to start" beside our own words.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton<ILoggerFactory>(new ForwardingLoggerFactory(_loggerFactory));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Limits.MaxConcurrentConnections = 200;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        });
        builder.WebHost.UseUrls(_listenUrl);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddResponseCompression(DashboardServing.Compression);
        builder.Services.AddSingleton(sp => new DashboardFileProvider(_directory, sp.GetRequiredService<IHttpContextAccessor>()));
        if (_health is not null)
        {
            builder.Services.AddSingleton(_health);
        }

        var app = builder.Build();
        DashboardServing.Configure(app, app.Services.GetRequiredService<DashboardFileProvider>(), health: _health is not null);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or System.Net.Sockets.SocketException)
        {
            CannotListen(e.Message);
            await app.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _app = app;
        _notices?.Clear(NoticeCodes.DashboardListenFailed);
        string addresses = string.Join(", ", app.Urls);
        LogListening(_logger, addresses, _directory);
    }

    /// <summary>
    /// Stops listening at once; requests in flight get <see cref="StopShare"/> (or until <paramref name="cancellationToken"/>,
    /// if sooner) to finish, then their connections are cut: a phone reading slowly must not hold the server's stop, and
    /// a phone whose page was cut reloads it. The pipeline's stop runs meanwhile (it began before the hosted services'
    /// stops), so this share is not taken from its drain.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        using var share = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        share.CancelAfter(StopShare);
        try
        {
            await app.StopAsync(share.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (share.IsCancellationRequested)
        {
            // Kestrel has cut what was left; nothing more to wait for.
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The phones cannot follow the beach: a notice on every page (logged once as an ERROR), or the ERROR line alone.</summary>
    private void CannotListen(string reason)
    {
        if (_notices is null)
        {
            LogCannotListen(_logger, _listenUrl, reason);
            return;
        }

        _notices.Raise(NoticeCodes.DashboardListenFailed, NoticeSeverity.Error, $"Dashboards cannot be served at {_listenUrl}: {reason}");
    }
}
