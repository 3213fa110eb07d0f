using System.Net;
using System.Net.Http.Headers;

namespace MotionServer.Pipeline.Tests.Dashboard.Serving;

/// <summary>
/// A phone's browser reloading one page: either as a browser obeys <c>no-store</c> without compression (the whole
/// page every time: the old server), or as a browser does with <c>no-cache</c> (its own copy and ETag, sending
/// <c>If-None-Match</c>; brotli and gzip accepted).
/// </summary>
internal sealed class SimulatedPhone : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _caches;
    private EntityTagHeaderValue? _etag;
    private string? _page;

    public SimulatedPhone(WireCounter wire, bool browserCache)
    {
        _caches = browserCache;
        _http = new HttpClient(wire.Handler(decompress: browserCache)) { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Loads the page as the page's own reload does; returns what the phone shows.</summary>
    public async Task<string> ReloadAsync(Uri page)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        if (_caches && _etag is not null)
        {
            request.Headers.IfNoneMatch.Add(_etag);
        }

        using var response = await _http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotModified && _page is not null)
        {
            return _page;
        }

        response.EnsureSuccessStatusCode();
        _page = await response.Content.ReadAsStringAsync();
        _etag = response.Headers.CacheControl?.NoStore == true ? null : response.Headers.ETag; // no-store: the browser keeps nothing
        return _page;
    }

    public void Dispose() => _http.Dispose();
}
