using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MotionServer.Pipeline;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.DependencyInjection;
using MotionServer.Pipeline.Diagnostics;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;

#pragma warning disable IDE0130 // the DI entry point lives where DI users look for it
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds Motion Server to a service collection.</summary>
public static class MotionServerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pipeline, configured from the <c>MotionServer</c> section of <paramref name="configuration"/>,
    /// and a hosted service that starts and stops it with the host. Bad settings make the start fail with
    /// a <see cref="StartupException"/> naming every problem. The pipeline's health check (named <c>MotionServer</c>)
    /// joins the container's health checks (<c>AddHealthChecks()</c>, so <c>MapHealthChecks</c> serves it), and the
    /// pipeline reports to the <c>MotionServer</c> meter, through the container's <see cref="IMeterFactory"/> when it has one.
    /// </summary>
    public static IMotionServerBuilder AddMotionServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = MotionServerOptionsReader.Read(configuration.GetSection(MotionServerDefaults.SectionName));
        return services.AddMotionServer(settings);
    }

    /// <summary>
    /// Adds the pipeline with settings made in code. They are checked exactly like settings from configuration:
    /// bad ones make the start fail with a <see cref="StartupException"/> naming every problem.
    /// </summary>
    public static IMotionServerBuilder AddMotionServer(this IServiceCollection services, Action<MotionServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new MotionServerOptions();
        configure(options);
        return services.AddMotionServer(MotionServerOptionsReader.Check(options));
    }

    /// <summary>
    /// Adds the pipeline with settings already read (and checked) by <see cref="MotionServerOptionsReader"/>.
    /// An <see cref="EventFolderLock"/> registered in the collection is used instead of the pipeline taking its own
    /// (a host takes it first, so that a second server is refused before it touches the folder's log).
    /// </summary>
    internal static IMotionServerBuilder AddMotionServer(this IServiceCollection services, MotionServerOptionsReadResult settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(settings);
        services.TryAddSingleton(settings.Options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRosterSource>(sp =>
        {
            var folder = new EventFolder(sp.GetRequiredService<MotionServerOptions>().EventDirectory);
            return new FileRosterSource(folder.RosterFile, "config/motions.csv");
        });
        services.TryAddSingleton(sp => new MotionServerMetrics(sp.GetService<IMeterFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IMotionPipeline>(sp => new MotionPipeline(
            sp.GetRequiredService<MotionServerOptionsReadResult>(),
            sp.GetRequiredService<IRosterSource>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetService<EventFolderLock>()) { Metrics = sp.GetRequiredService<MotionServerMetrics>() });
        services.TryAddSingleton<IMotionFleet>(sp => sp.GetRequiredService<IMotionPipeline>().Fleet);
        services.TryAddSingleton<INoticeBoard>(sp => sp.GetRequiredService<IMotionPipeline>() is MotionPipeline pipeline
            ? pipeline.Notices
            : new NoticeBoard(sp.GetService<TimeProvider>() ?? TimeProvider.System, (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("MotionServer.Pipeline")));
        services.AddHostedService<MotionPipelineHostedService>();
        AddHealthCheck(services);
        return new MotionServerBuilder(services);
    }

    /// <summary>The pipeline's health check, once, in the container's health checks (<see cref="MotionServerHealthCheck"/>).</summary>
    private static void AddHealthCheck(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(MotionServerHealthCheck)))
        {
            return;
        }

        services.AddSingleton(sp =>
        {
            var pipeline = sp.GetRequiredService<IMotionPipeline>();
            return new MotionServerHealthCheck(pipeline.Failure, sp.GetRequiredService<INoticeBoard>(), sp.GetRequiredService<TimeProvider>(), () => (pipeline as MotionPipeline)?.Dashboards);
        });
        services.AddHealthChecks().Add(new HealthCheckRegistration(MotionServerHealthCheck.Name, sp => sp.GetRequiredService<MotionServerHealthCheck>(), failureStatus: null, tags: null));
    }
}
