using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MotionServer.Emulator.Devices;

/// <summary>Joining and leaving the network.</summary>
internal sealed partial class EmulatedDevice
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    private readonly SemaphoreSlim _transition = new(1, 1);
    private readonly ConcurrentDictionary<HttpContext, byte> _inFlight = new();
    private KestrelServer? _server;
    private CancellationTokenSource? _session;
    private System.Net.Sockets.Socket? _listening;
    private bool _disposed;

    /// <summary>Raised after the device joined or left (true: present).</summary>
    public event EventHandler<bool>? PresenceChanged;

    /// <summary>
    /// When away, the device's address stays silent (connects time out) instead of refusing connections: a device that
    /// left while the router still resolves its name to its last address. Off by default.
    /// </summary>
    public bool SilentWhenAway { get; set; }

    /// <summary>True while the device accepts connections.</summary>
    public bool IsOnline => Volatile.Read(ref _server) is not null;

    /// <summary>Joins the network: accepts connections until <see cref="LeaveAsync"/>. Does nothing when present.</summary>
    public async Task JoinAsync(CancellationToken cancellationToken = default)
    {
        await _transition.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_server is not null)
            {
                return;
            }

            var session = new CancellationTokenSource();
            var server = CreateServer();
            try
            {
                await server.StartAsync(new DeviceHttpApplication(context => HandleAsync(context, session.Token)), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                server.Dispose();
                session.Dispose();
                _reservation.Renew();
                throw;
            }

            _session = session;
            Volatile.Write(ref _server, server);
            Log.Joined(_logger, Hostname, Address, Port);
        }
        finally
        {
            _transition.Release();
        }

        PresenceChanged?.Invoke(this, true);
    }

    /// <summary>Leaves the network: connections are refused from now on and transfers in flight are cut. Does nothing when absent.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        await _transition.WaitAsync(cancellationToken).ConfigureAwait(false);
        bool left;
        try
        {
            left = await StopServerAsync().ConfigureAwait(false);
        }
        finally
        {
            _transition.Release();
        }

        if (left)
        {
            PresenceChanged?.Invoke(this, false);
        }
    }

    /// <summary>Leaves the network for good and frees the address and port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _transition.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            await StopServerAsync().ConfigureAwait(false);
            _disposed = true;
            _reservation.Dispose();
        }
        finally
        {
            _transition.Release();
        }
    }

    private async Task<bool> StopServerAsync()
    {
        var server = _server;
        if (server is null)
        {
            return false;
        }

        Volatile.Write(ref _server, null);

        // As a device out of WiFi range: nothing accepts a connection any more by the time a cut transfer is noticed (a
        // server's first thought on a cut may be to try connecting again). So the listening socket closes first (Kestrel
        // takes a closed listener as the end of its accept loop), then the transfers are cut, then the server stops.
        _listening?.Dispose();
        _listening = null;
        await (_session?.CancelAsync() ?? Task.CompletedTask).ConfigureAwait(false);
        foreach (var context in _inFlight.Keys)
        {
            context.Abort();
        }

        using (var now = new CancellationTokenSource())
        {
            await now.CancelAsync().ConfigureAwait(false);
            await server.StopAsync(now.Token).ConfigureAwait(false);
        }

        server.Dispose();
        _session?.Dispose();
        _session = null;
        if (!_reservation.Renew())
        {
            Log.ReservationLost(_logger, Hostname, Address, Port);
        }
        else if (SilentWhenAway)
        {
            _reservation.Silence();
        }

        Log.Left(_logger, Hostname);
        return true;
    }

    private KestrelServer CreateServer()
    {
        var socket = _reservation.Release();
        _listening = socket;
        var transport = new SocketTransportOptions { CreateBoundListenSocket = _ => socket };
        var kestrel = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = NoServices };
        kestrel.Limits.MinResponseDataRate = null; // trickles and stalls are the point
        kestrel.Listen(new IPEndPoint(Address, Port), listen => listen.Protocols = HttpProtocols.Http1);
        var loggerFactory = new WarningLoggerFactory(_options.LoggerFactory);
        return new KestrelServer(Options.Create(kestrel), new SocketTransportFactory(Options.Create(transport), loggerFactory), loggerFactory);
    }
}
