using System.Net.Sockets;
using System.Net;

namespace MotionServer.Pipeline.Devices;

/// <summary>Opens a TCP connection and closes it at once: how detection and the presence probe tell that a device is there (README.md, "How it works").</summary>
internal sealed class TcpConnectProbe : IConnectProbe
{
    public async Task<bool> CanConnectAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // timed out
        }
        catch (SocketException)
        {
            return false;
        }

        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // The device accepted, then dropped us first: it is still there.
        }

        return true;
    }
}
