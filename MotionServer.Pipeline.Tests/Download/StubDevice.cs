using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace MotionServer.Pipeline.Tests.Download;

/// <summary>
/// Stands in for a device in unit tests of one download class: answers each request with the next scripted answer, and
/// keeps the requests. (Integration tests use the real emulator.) A request beyond the script fails the test loudly.
/// </summary>
internal sealed class StubDevice : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<CancellationToken, Task<HttpResponseMessage>>> _answers = new();
    private readonly ConcurrentQueue<HttpRequestMessage> _requests = new();

    public StubDevice(params Func<CancellationToken, Task<HttpResponseMessage>>[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }
    }

    public IReadOnlyList<HttpRequestMessage> Requests => [.. _requests];

    /// <summary>Answers 200 with <paramref name="body"/>, announcing <paramref name="contentLength"/> (none: chunked).</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> Answer(ScriptedBody body, long? contentLength) => _ =>
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = contentLength;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    };

    /// <summary>Answers 200 with exactly <paramref name="track"/>, its length announced.</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> Track(byte[] track) =>
        Answer(new ScriptedBody(track, BodyEnding.End), track.LongLength);

    /// <summary>Answers with a status and an empty body.</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> Status(HttpStatusCode status) =>
        _ => Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent([]) });

    /// <summary>Never answers (until the request is cancelled).</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> Silence(Action? onRequest = null) => async cancellationToken =>
    {
        onRequest?.Invoke();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    };

    /// <summary>The request fails before any answer, as a refused connection does.</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> Refuse() =>
        _ => Task.FromException<HttpResponseMessage>(new HttpRequestException(
            HttpRequestError.ConnectionError, "Connection refused (127.0.0.9:80)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        return _answers.TryDequeue(out var answer)
            ? answer(cancellationToken)
            : throw new InvalidOperationException($"the stub device has no answer scripted for request {_requests.Count}: {request.RequestUri}");
    }
}
