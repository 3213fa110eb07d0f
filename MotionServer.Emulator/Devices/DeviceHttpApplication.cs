using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MotionServer.Emulator.Devices;

/// <summary>The smallest Kestrel application: one request delegate, no host, no middleware.</summary>
internal sealed class DeviceHttpApplication(RequestDelegate handler) : IHttpApplication<HttpContext>
{
    /// <inheritdoc />
    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    /// <inheritdoc />
    public Task ProcessRequestAsync(HttpContext context) => handler(context);

    /// <inheritdoc />
    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }
}
