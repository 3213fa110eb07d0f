using System.Net;
using System.Net.Sockets;

namespace MotionServer.Pipeline.Detection.Dns;

/// <summary>One name server, and the socket of its address family that questions to it leave by.</summary>
internal sealed class NameServer(IPEndPoint endPoint, Socket socket)
{
    private readonly SocketAddress _address = endPoint.Serialize();

    public IPEndPoint EndPoint { get; } = endPoint;

    /// <summary>Sends a query without waiting; false when the network refused it now.</summary>
    public bool TrySend(ReadOnlySpan<byte> query)
    {
        try
        {
            return socket.SendTo(query, SocketFlags.None, _address) == query.Length;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether a datagram from <paramref name="sender"/> came from this server: same family, port and address (an
    /// IPv6 sender's flow label is not compared).
    /// </summary>
    public bool Sent(SocketAddress sender)
    {
        if (sender.Family != _address.Family)
        {
            return false;
        }

        var mine = _address.Buffer.Span;
        var theirs = sender.Buffer.Span;
        return _address.Family == AddressFamily.InterNetworkV6
            ? theirs.Length >= 24 && theirs[2..4].SequenceEqual(mine[2..4]) && theirs[8..24].SequenceEqual(mine[8..24])
            : theirs.Length >= 8 && theirs[2..8].SequenceEqual(mine[2..8]);
    }
}
