using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MotionServer.Host.Dashboard;

/// <summary>
/// The request pipeline of the dashboard server, made of the platform's parts: a guard (GET and HEAD only, the same
/// safety headers on every answer, <c>/</c> is index.html), <c>/healthz</c> when health checks are given, response
/// compression (brotli, gzip) for the text types, and the static-file middleware over <see cref="DashboardFileProvider"/>,
/// which answers <c>If-None-Match</c> / <c>If-Modified-Since</c> with 304. Pages are <c>no-cache</c>: a browser keeps
/// them but asks again at every reload, so an unchanged page costs a phone a few hundred bytes and a changed one is
/// never shown stale.
/// </summary>
internal static class DashboardServing
{
    /// <summary>Where the health report is served.</summary>
    public const string HealthPath = "/healthz";

    private const string SecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Brotli first (smaller), gzip for the clients that lack it; text types only (images are compressed already).</summary>
    public static void Compression(ResponseCompressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Providers.Add<BrotliCompressionProvider>();
        options.Providers.Add<GzipCompressionProvider>();
        options.MimeTypes = [.. DashboardFileRequest.CompressibleTypes];
    }

    /// <summary>Builds the request pipeline.</summary>
    /// <param name="app">The embedded web application.</param>
    /// <param name="files">The dashboards folder.</param>
    /// <param name="health">Served at <see cref="HealthPath"/> when given.</param>
    public static void Configure(IApplicationBuilder app, DashboardFileProvider files, bool health)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(GuardAsync);
        if (health)
        {
            app.UseHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteHealthAsync, AllowCachingResponses = false });
        }

        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = DashboardFileRequest.ContentTypeProvider(),
            ServeUnknownFileTypes = false,
            RedirectToAppendTrailingSlash = false,
        });
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    private static Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = SecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        }

        if (request.Path == "/")
        {
            request.Path = "/" + DashboardFileRequest.IndexFile;
        }

        return next(context);
    }

    /// <summary>The overall status on the first line, then one line per check with its description: readable by people and by <c>grep</c>.</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder().Append(report.Status).Append('\n');
        foreach (var (name, entry) in report.Entries)
        {
            text.Append(name).Append(": ").Append(entry.Status);
            if (!string.IsNullOrEmpty(entry.Description))
            {
                text.Append(" - ").Append(entry.Description);
            }

            text.Append('\n');
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString(), Encoding.UTF8);
    }
}
