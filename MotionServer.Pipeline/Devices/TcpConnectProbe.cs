using System.Net;
using System.Net.Sockets;

namespace MotionServer.Pipeline.Devices;

/// <summary>
/// Opens a TCP connection and closes it at once: how detection and the presence probe tell that a device is there
/// (README.md, "How it works").
/// <para>
/// Most connects fail: a departed device's address refuses, or stays silent until the timeout, and detection tries
/// each absent device every second while riders arrive. So a failure is read from the socket's own error code and
/// never thrown: <see cref="Socket.ConnectAsync(SocketAsyncEventArgs)"/>, with the timeout closing the socket (which
/// ends the connect as aborted), where the task-returning connect threw an exception for every refusal and every
/// timeout, a good part of what a look cost.
/// </para>
/// </summary>
internal sealed class TcpConnectProbe : IConnectProbe
{
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (stopping).</exception>
    public async Task<bool> CanConnectAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var attempt = new ConnectAttempt(new IPEndPoint(address, port));
        if (StartConnect(socket, attempt))
        {
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            giveUp.CancelAfter(timeout);
            using (giveUp.Token.UnsafeRegister(static s => GiveUp((Socket)s!), socket))
            {
                await attempt.Ended.ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (attempt.SocketError != SocketError.Success)
        {
            return false; // refused, unreachable, or aborted at the timeout
        }

        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The device accepted, then dropped us first, or the timeout closed the socket just after: it is there.
        }

        return true;
    }

    /// <summary>
    /// Closes the socket, which ends its connect as aborted, from a pool thread of its own: not inside the timeout's
    /// cancellation, where the probe's end (run where the connect ends) would dispose that cancellation's source.
    /// </summary>
    private static void GiveUp(Socket socket) => ThreadPool.UnsafeQueueUserWorkItem(static s => s.Dispose(), socket, preferLocal: false);

    /// <summary>Starts the connect; false when it ended at once (its outcome is in the attempt's error code).</summary>
    private static bool StartConnect(Socket socket, ConnectAttempt attempt)
    {
        try
        {
            return socket.ConnectAsync(attempt);
        }
        catch (SocketException e)
        {
            attempt.SocketError = e.SocketErrorCode; // refused before it began (no route, say): a failure like any other
            return false;
        }
    }

    /// <summary>One connect: its address, and a task that completes when a connect that did not end at once ends.</summary>
    private sealed class ConnectAttempt : SocketAsyncEventArgs
    {
        // Continuations run where the socket engine reports the end, already a pool thread (as the task-returning
        // connect's do): handing them on to another would be a second wake-up per probe, which at rest is most of it.
        private readonly TaskCompletionSource _ended = new();

        public ConnectAttempt(EndPoint remote)
            : base(unsafeSuppressExecutionContextFlow: true)
        {
            RemoteEndPoint = remote;
        }

        public Task Ended => _ended.Task;

        protected override void OnCompleted(SocketAsyncEventArgs e) => _ended.TrySetResult();
    }
}
