using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MotionServer.Pipeline.Tests.Detection.Dns;

/// <summary>
/// A name server on loopback for the tests (UDP, a port of its own): it answers from <see cref="Names"/> (an A record),
/// NXDOMAIN for any other name, or as <see cref="Behaviour"/> says: silent, from another socket, with another id.
/// </summary>
internal sealed class TestDnsServer : IAsyncDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly UdpClient _other = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _queries;

    public TestDnsServer()
    {
        _serving = ServeAsync();
    }

    public enum Mode
    {
        Answers,
        Silent,
        AnswersFromAnotherPort,
        AnswersWithAnotherId,
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    /// <summary>The names it knows, with their address.</summary>
    public ConcurrentDictionary<string, IPAddress> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names it answers with a truncated (TC) response.</summary>
    public ConcurrentDictionary<string, bool> Truncated { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Mode Behaviour { get; set; } = Mode.Answers;

    /// <summary>The names asked, in order.</summary>
    public ConcurrentQueue<string> Asked { get; } = new();

    public int Queries => Volatile.Read(ref _queries);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _queries);
            if (DnsTestMessages.QuestionName(received.Buffer) is not { } name)
            {
                continue;
            }

            Asked.Enqueue(name);
            await AnswerAsync(received, name);
        }
    }

    private async Task AnswerAsync(UdpReceiveResult received, string name)
    {
        var query = received.Buffer;
        var response = Truncated.ContainsKey(name) ? DnsTestMessages.Response(query, DnsTestMessages.NoError, truncated: true)
            : Names.TryGetValue(name, out var address) ? DnsTestMessages.Response(query, DnsTestMessages.NoError, records: [DnsTestMessages.A(address)])
            : DnsTestMessages.Response(query, DnsTestMessages.NameError);
        switch (Behaviour)
        {
            case Mode.Answers:
                await _socket.SendAsync(response, received.RemoteEndPoint);
                break;
            case Mode.AnswersFromAnotherPort:
                await _other.SendAsync(response, received.RemoteEndPoint);
                break;
            case Mode.AnswersWithAnotherId:
                response[0] ^= 0x5A;
                await _socket.SendAsync(response, received.RemoteEndPoint);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        _other.Dispose();
        await _serving;
        _stop.Dispose();
    }
}
