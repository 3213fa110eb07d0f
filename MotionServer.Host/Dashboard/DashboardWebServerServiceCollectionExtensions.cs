using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MotionServer.Host.Dashboard;

/// <summary>Registers the opt-in read-only dashboard server with the host.</summary>
internal static class DashboardWebServerServiceCollectionExtensions
{
    /// <summary>
    /// Adds a hosted <see cref="DashboardWebServer"/> serving <paramref name="dashboardsDirectory"/> at
    /// <paramref name="listenUrl"/> (<c>Dashboard:Listen</c>). Call it only when that setting is given.
    /// </summary>
    public static IServiceCollection AddDashboardWebServer(this IServiceCollection services, string listenUrl, string dashboardsDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(listenUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(dashboardsDirectory);
        services.AddSingleton(sp => new DashboardWebServer(listenUrl, dashboardsDirectory, sp.GetRequiredService<ILoggerFactory>(), sp.GetService<MotionServer.Pipeline.Notices.INoticeBoard>(),
            sp.GetService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>()));
        services.AddHostedService(sp => sp.GetRequiredService<DashboardWebServer>());
        return services;
    }
}
