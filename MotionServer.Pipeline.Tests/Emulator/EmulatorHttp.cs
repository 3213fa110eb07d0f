using System.Net.Http;
using System.Text.Json;

namespace MotionServer.Pipeline.Tests.Emulator;

/// <summary>HTTP helpers for emulator tests: no proxy, short timeouts, fresh connections.</summary>
internal static class EmulatorHttp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static HttpClient Client(TimeSpan? timeout = null) =>
        new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = timeout ?? Timeout };

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, Uri baseUri, string path)
    {
        using var response = await client.GetAsync(new Uri(baseUri, path));
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return document.RootElement.Clone();
    }
}
