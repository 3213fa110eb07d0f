using System.Buffers;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net;

namespace MotionServer.Pipeline.Devices;

/// <summary>
/// The pipeline's HTTP client for devices: plain HTTP/1.1 to the device's own address, no proxy (devices are on
/// the event WiFi), no redirects (requests only ever go to the device), and no overall timeout (each caller
/// sets its own: a request timeout for metadata, a between-bytes timeout for tracks). One per pipeline.
/// </summary>
internal sealed class DeviceHttpClient : IDisposable
{
    private readonly HttpClient _client;

    /// <param name="connectTimeout">
    /// A backstop only: every request also carries its own timeout. Detection's short connect timeout is not used
    /// here, because a device at the edge of the WiFi may accept slowly and still deliver.
    /// </param>
    public DeviceHttpClient(TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = connectTimeout,
            // Devices are small embedded servers that serve one or few connections: do not open more.
            MaxConnectionsPerServer = 2,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            UseCookies = false,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("MotionServer", "1.0"));
        _client.DefaultRequestVersion = HttpVersion.Version11;
        _client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
    }

    public HttpClient Client => _client;

    public static Uri DeviceUri(IPAddress address, int port, string requestTarget)
    {
        string host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return new Uri($"http://{host}:{port}{requestTarget}", UriKind.Absolute);
    }

    /// <summary>
    /// GETs a JSON document of at most <paramref name="maxBytes"/> bytes within <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="DeviceAnswerException">Any failure, with its reason.</exception>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled (the server is stopping).</exception>
    public async Task<byte[]> GetDocumentAsync(IPAddress address, int port, string name, TimeSpan timeout, long maxBytes, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await _client.GetAsync(DeviceUri(address, port, "/" + name), HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new DeviceAnswerException($"{name} answered HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength is long announced && announced > maxBytes)
            {
                throw new DeviceAnswerException($"{name} is {announced} bytes, more than Limits:MaxJsonBytes ({maxBytes})");
            }

            var stream = await response.Content.ReadAsStreamAsync(timeoutSource.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await ReadBoundedAsync(stream, name, maxBytes, timeoutSource.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeviceAnswerException($"{name} did not arrive within {timeout.TotalSeconds:0.#} s", unreachable: true);
        }
        catch (HttpRequestException e)
        {
            throw new DeviceAnswerException($"{name} request failed: {Describe(e)}", e, unreachable: true); // no HTTP answer at all: whether it left is decided by a connect (FailurePolicy)
        }
        catch (IOException e)
        {
            throw new DeviceAnswerException($"{name} transfer broke: {e.Message}", e, unreachable: true);
        }
    }

    internal static string Describe(HttpRequestException e) =>
        e.InnerException is SocketException s ? s.SocketErrorCode.ToString() : e.HttpRequestError switch
        {
            HttpRequestError.ResponseEnded => "the device closed the connection",
            HttpRequestError.InvalidResponse => "invalid HTTP response",
            HttpRequestError.ConnectionError => "connection failed",
            _ => e.Message,
        };

    /// <summary>
    /// Reads the whole body, at most <paramref name="maxBytes"/>, into a rented buffer doubled only when full: a visit
    /// reads several documents of a few kilobytes, and a new 16 KB buffer for each, doubled after its first read, was
    /// most of what a rush's visits allocated.
    /// </summary>
    private static async Task<byte[]> ReadBoundedAsync(Stream stream, string name, long maxBytes, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    // One byte past the limit is all it takes to refuse the document.
                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > maxBytes)
                {
                    throw new DeviceAnswerException($"{name} is more than Limits:MaxJsonBytes ({maxBytes} bytes)");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _client.Dispose();
}
