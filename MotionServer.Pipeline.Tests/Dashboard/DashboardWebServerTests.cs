using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MotionServer.Host.Dashboard;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Dashboard;

public sealed class DashboardWebServerTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Secret = "the-secret-outside-the-dashboards-folder";
    private const string IndexHtml = "<!DOCTYPE html><html><body><p>index</p></body></html>\n";

    private readonly TemporaryFolder _folder = new();
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private DashboardWebServer? _server;

    public DashboardWebServerTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Information));
        Directory.CreateDirectory(Dashboards);
        File.WriteAllText(Path.Combine(Dashboards, "index.html"), IndexHtml);
        File.WriteAllText(Path.Combine(Dashboards, "status.json"), "{\"server\":\"running\"}");
        File.WriteAllText(Path.Combine(Dashboards, ".index.html.0123456789abcdef.tmp"), Secret);
        File.WriteAllText(Path.Combine(Dashboards, "notes.tmp"), Secret);
        Directory.CreateDirectory(Path.Combine(Dashboards, "sub"));
        File.WriteAllText(Path.Combine(Dashboards, "sub", "page.html"), Secret);
        File.WriteAllText(_folder.Combine("event", "secret.html"), Secret);
        File.WriteAllText(_folder.Combine("event", "secret.txt"), Secret);
        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(Path.Combine(Dashboards, "link.html"), _folder.Combine("event", "secret.html"));
        }
    }

    private string Dashboards => _folder.Combine("event", "dashboards");

    private Uri BaseUri => new(_server!.Addresses.Single());

    public async Task InitializeAsync()
    {
        _server = new DashboardWebServer("http://127.0.0.1:0", Dashboards, _loggerFactory);
        await _server.StartAsync(CancellationToken.None).WaitAsync(EventCounter.Timeout);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync(CancellationToken.None).WaitAsync(EventCounter.Timeout);
        }

        _http.Dispose();
        _loggerFactory.Dispose();
        _folder.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    [Fact]
    public async Task Get_Root_ServesIndexRevalidatedAtEveryLoad()
    {
        using var response = await _http.GetAsync(BaseUri);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(IndexHtml);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        response.Headers.CacheControl.NoStore.Should().BeFalse();
        response.Headers.ETag.Should().NotBeNull();
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'");
        _logs.Messages.Should().Contain(m => m.StartsWith("Dashboards served at http://127.0.0.1:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("status.json", "application/json; charset=utf-8")]
    public async Task Get_File_ServedWithItsType(string name, string type)
    {
        using var response = await _http.GetAsync(new Uri(BaseUri, name));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be(type);
        (await response.Content.ReadAsStringAsync()).Should().Be(await File.ReadAllTextAsync(Path.Combine(Dashboards, name)));
    }

    [Fact]
    public async Task Head_Index_HeadersWithoutBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(BaseUri, "index.html"));
        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().Be(Encoding.UTF8.GetByteCount(IndexHtml));
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task Send_OtherMethod_Refused(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(BaseUri, "index.html"))
        {
            Content = method is "POST" or "PUT" or "PATCH" ? new StringContent("overwrite") : null,
        };
        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().BeEquivalentTo(["GET", "HEAD"]);
        (await File.ReadAllTextAsync(Path.Combine(Dashboards, "index.html"))).Should().Be(IndexHtml);
    }

    [Theory]
    [InlineData("missing.html")]
    [InlineData("sub")]
    [InlineData("sub/")]
    [InlineData("sub/page.html")]
    [InlineData(".index.html.0123456789abcdef.tmp")]
    [InlineData("notes.tmp")]
    [InlineData("link.html")]
    public async Task Get_NotAServableFile_NotFound(string path)
    {
        using var response = await _http.GetAsync(new Uri(BaseUri, path));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(Secret);
    }

    [Theory]
    [InlineData("/../secret.html")]
    [InlineData("/../secret.txt")]
    [InlineData("/%2e%2e/secret.html")]
    [InlineData("/..%2fsecret.html")]
    [InlineData("/..%5csecret.html")]
    [InlineData("/..\\secret.html")]
    [InlineData("/sub/../../secret.html")]
    [InlineData("/.%2e/secret.html")]
    [InlineData("//etc/passwd")]
    [InlineData("/index.html%00.json")]
    [InlineData("http://127.0.0.1/../secret.html")]
    public async Task Get_PathTraversal_Refused(string target)
    {
        var (status, text) = await RawGetAsync(target);

        status.Should().BeOneOf(400, 404);
        text.Should().NotContain(Secret);
    }

    [Fact]
    public async Task Get_AfterTheFileIsReplaced_ServesTheNewContent()
    {
        Pipeline.Storage.AtomicFile.WriteAllText(Path.Combine(Dashboards, "index.html"), "<p>new</p>");

        (await _http.GetStringAsync(BaseUri)).Should().Be("<p>new</p>");
    }

    [Fact]
    public async Task Get_WithTheETagItHas_NotModifiedWithoutBody()
    {
        using var first = await _http.GetAsync(new Uri(BaseUri, "index.html"));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri, "index.html"));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await _http.SendAsync(again);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Fact]
    public async Task Get_WithAnOldETag_AfterTheFileChanged_ServesTheNewContent()
    {
        using var first = await _http.GetAsync(new Uri(BaseUri, "index.html"));
        string path = Path.Combine(Dashboards, "index.html");
        Pipeline.Storage.AtomicFile.WriteAllText(path, "<p>changed</p>");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5)); // the next tick, at least a second later
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri, "index.html"));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await _http.SendAsync(again);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("<p>changed</p>");
    }

    [Theory]
    [InlineData("br", "index.html")]
    [InlineData("gzip", "index.html")]
    [InlineData("br", "status.json")]
    [InlineData("gzip", "status.json")]
    public async Task Get_AcceptingCompression_ServesCompressed(string encoding, string name)
    {
        string content = string.Concat(Enumerable.Repeat("<tr><td>motion-101</td><td>completed</td></tr>\n", 200));
        File.WriteAllText(Path.Combine(Dashboards, name), content);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri, name));
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        using var response = await _http.SendAsync(request);
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal(encoding);
        body.Length.Should().BeLessThan(content.Length / 10);
        Decompress(encoding, body).Should().Be(content);
    }

    [Fact]
    public async Task Get_Health_WithoutHealthChecks_NotFound()
    {
        using var response = await _http.GetAsync(new Uri(BaseUri, "healthz"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Degraded", HttpStatusCode.OK)]
    [InlineData("Unhealthy", HttpStatusCode.ServiceUnavailable)]
    [InlineData("Healthy", HttpStatusCode.OK)]
    public async Task Get_Health_WithHealthChecks_ReportsThem(string status, HttpStatusCode code)
    {
        var health = Enum.Parse<Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus>(status);
        using var checks = new ServiceCollection().AddLogging().AddHealthChecks()
            .AddCheck("MotionServer", () => new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult(health, "WARNING disk-space-low: low")).Services
            .BuildServiceProvider();
        var server = new DashboardWebServer("http://127.0.0.1:0", Dashboards, _loggerFactory, notices: null,
            checks.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>());
        await server.StartAsync(CancellationToken.None).WaitAsync(EventCounter.Timeout);
        try
        {
            using var response = await _http.GetAsync(new Uri(new Uri(server.Addresses.Single()), "healthz"));

            response.StatusCode.Should().Be(code);
            (await response.Content.ReadAsStringAsync()).Should().Be($"{status}\nMotionServer: {status} - WARNING disk-space-low: low\n");
        }
        finally
        {
            await server.StopAsync(CancellationToken.None).WaitAsync(EventCounter.Timeout);
        }
    }

    [Fact]
    public async Task StartAsync_PortTaken_LogsErrorAndCarriesOn()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var second = new DashboardWebServer($"http://127.0.0.1:{port}", Dashboards, _loggerFactory);

        await second.StartAsync(CancellationToken.None).WaitAsync(EventCounter.Timeout);
        await second.StopAsync(CancellationToken.None).WaitAsync(EventCounter.Timeout);

        second.Addresses.Should().BeEmpty();
        _logs.Errors.Should().ContainSingle().Which.Should().StartWith($"Dashboards cannot be served at http://127.0.0.1:{port}: ");
    }

    [Theory]
    [InlineData("https://0.0.0.0:8443")]
    [InlineData("0.0.0.0:8080")]
    [InlineData("http://0.0.0.0:8080/dash")]
    public void Constructor_ListenNotAnHttpUrlWithoutPath_IsRefused(string url)
    {
        // The settings reader refuses these with file and line (DashboardListenOptionsTests); the server checks nothing
        // twice, but a caller that skips the reader still cannot start it on a wrong address.
        var create = () => new DashboardWebServer(url, Dashboards, NullLoggerFactory.Instance);

        create.Should().Throw<ArgumentException>().WithMessage($"*{url}*");
    }

    [Fact]
    public void AddDashboardWebServer_Services_RegistersHostedServer()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddDashboardWebServer("http://127.0.0.1:0", Dashboards);
        using var provider = services.BuildServiceProvider();

        provider.GetServices<IHostedService>().Should().ContainSingle().Which.Should().BeOfType<DashboardWebServer>();
    }

    private static string Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br"
            ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private async Task<(int Status, string Text)> RawGetAsync(string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(BaseUri.Host, BaseUri.Port).WaitAsync(EventCounter.Timeout);
        var stream = client.GetStream();
        byte[] request = Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {BaseUri.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string text = await reader.ReadToEndAsync().WaitAsync(EventCounter.Timeout);
        string statusLine = text.Split("\r\n")[0];
        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), text);
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

        public IEnumerable<string> Messages => _entries.Select(e => e.Message);

        public IEnumerable<string> Errors => _entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message);

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner._entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
