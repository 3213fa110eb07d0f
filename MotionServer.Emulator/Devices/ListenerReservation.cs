using System.Net;
using System.Net.Sockets;

namespace MotionServer.Emulator.Devices;

/// <summary>
/// Holds a device's loopback address and port while it is off the network: a bound socket that does not listen,
/// so connects are refused and no other fleet in this process (nor the system's ephemeral ports) takes the port.
/// On join the bound socket is handed to Kestrel, which listens on it; on leave a new one is bound.
/// </summary>
internal sealed class ListenerReservation : IDisposable
{
    private static readonly Lock RegistryGate = new();
    private static readonly HashSet<IPEndPoint> Claimed = [];

    private readonly Lock _gate = new();
    private Socket? _socket;
    private Socket? _filler;
    private bool _disposed;

    private ListenerReservation(Socket socket, IPEndPoint endPoint)
    {
        _socket = socket;
        EndPoint = endPoint;
    }

    /// <summary>The reserved address and port.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Reserves <paramref name="endPoint"/> (port 0: any free port) on a loopback address.</summary>
    /// <exception cref="SocketException">The address and port are taken.</exception>
    public static ListenerReservation Create(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (!IPAddress.IsLoopback(endPoint.Address))
        {
            throw new ArgumentException($"The emulator only ever listens on loopback; {endPoint.Address} is not.", nameof(endPoint));
        }

        var socket = Bind(endPoint);
        var bound = (IPEndPoint)socket.LocalEndPoint!;
        lock (RegistryGate)
        {
            if (!Claimed.Add(bound))
            {
                socket.Dispose();
                throw new SocketException((int)SocketError.AddressAlreadyInUse);
            }
        }

        return new ListenerReservation(socket, bound);
    }

    /// <summary>Tries to reserve; null when taken.</summary>
    public static ListenerReservation? TryCreate(IPEndPoint endPoint)
    {
        try
        {
            return Create(endPoint);
        }
        catch (SocketException)
        {
            return null;
        }
    }

    /// <summary>
    /// Makes the held socket an address that never answers, as a device gone from the network whose name the router
    /// still gives out: it listens with no room for a connection and one connection fills that room, so the kernel drops
    /// every further SYN and a connect waits for its own timeout instead of being refused. Undone by <see cref="Release"/>.
    /// </summary>
    public void Silence()
    {
        lock (_gate)
        {
            if (_disposed || _socket is null || _filler is not null)
            {
                return;
            }

            _socket.Listen(0);
            var filler = new Socket(EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            filler.Connect(EndPoint); // completes at once: the accept queue had room for this one only
            _filler = filler;
        }
    }

    /// <summary>Hands the bound socket over (to be listened on); binds one first when none is held.</summary>
    public Socket Release()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_filler is not null)
            {
                // A silenced socket has a connection waiting in its queue: start from a fresh one.
                _filler.Dispose();
                _filler = null;
                _socket?.Dispose();
                _socket = null;
            }

            var socket = _socket ?? Bind(EndPoint);
            _socket = null;
            return socket;
        }
    }

    /// <summary>Binds a new, non-listening socket after the listener closed (best effort).</summary>
    public bool Renew()
    {
        lock (_gate)
        {
            if (_disposed || _socket is not null)
            {
                return !_disposed;
            }

            try
            {
                _socket = Bind(EndPoint);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _filler?.Dispose();
            _filler = null;
            _socket?.Dispose();
            _socket = null;
        }

        lock (RegistryGate)
        {
            Claimed.Remove(EndPoint);
        }
    }

    private static Socket Bind(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // Lets a device rejoin while its old connections sit in TIME_WAIT.
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(endPoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
