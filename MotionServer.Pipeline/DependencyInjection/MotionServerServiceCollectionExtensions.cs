using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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
    /// and a hosted service that starts and stops it with the host. The settings are also
    /// <c>IOptions&lt;MotionServerOptions&gt;</c>, which <c>Configure&lt;MotionServerOptions&gt;</c> may change and which
    /// is validated on start: bad settings make the start fail, naming every problem (with a
    /// <see cref="StartupException"/> from <see cref="IMotionPipeline.StartAsync"/>). The pipeline's health check (named
    /// <c>MotionServer</c>) joins the container's health checks (<c>AddHealthChecks()</c>, so <c>MapHealthChecks</c>
    /// serves it), and the pipeline reports to the <c>MotionServer</c> meter, through the container's
    /// <see cref="IMeterFactory"/> when it has one.
    /// </summary>
    public static IMotionServerBuilder AddMotionServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MotionServerDefaults.SectionName);

        // Read once here for what the platform cannot say (unknown keys, values of the wrong form, renamed keys); the
        // options themselves are read again, then changed by every Configure after this one, each time they are made.
        var reading = MotionServerOptionsReader.ReadInto(section, new MotionServerOptions());
        services.AddOptions<MotionServerOptions>().Configure(options => MotionServerOptionsReader.ReadInto(section, options));
        return services.AddValidatedOptions(reading.Problems, reading.Warnings).AddMotionServerCore();
    }

    /// <summary>
    /// Adds the pipeline with settings made in code (also <c>IOptions&lt;MotionServerOptions&gt;</c>). They are checked
    /// exactly like settings from configuration: bad ones make the start fail, naming every problem.
    /// </summary>
    public static IMotionServerBuilder AddMotionServer(this IServiceCollection services, Action<MotionServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MotionServerOptions>().Configure(configure);
        return services.AddValidatedOptions([], []).AddMotionServerCore();
    }

    /// <summary>
    /// Adds the pipeline with settings already read and checked by <see cref="MotionServerOptionsReader"/>, by a host
    /// that said where each problem is written. An <see cref="EventFolderLock"/> registered in the collection is used
    /// instead of the pipeline taking its own (a host takes it first, so that a second server is refused before it
    /// touches the folder's log).
    /// </summary>
    internal static IMotionServerBuilder AddMotionServer(this IServiceCollection services, MotionServerOptionsReadResult settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(settings);
        services.TryAddSingleton(Options.Options.Create(settings.Options));
        return services.AddMotionServerCore();
    }

    /// <summary>
    /// <c>IOptions&lt;MotionServerOptions&gt;</c> validated on start by the generated validator (in the settings' words),
    /// after the problems found while reading configuration; and the pipeline's settings, which say those problems at
    /// its start rather than when it is made.
    /// </summary>
    private static IServiceCollection AddValidatedOptions(this IServiceCollection services, IReadOnlyList<SettingsProblem> readProblems, IReadOnlyList<SettingsProblem> warnings)
    {
        services.AddOptions<MotionServerOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MotionServerOptions>>(new MotionServerOptionsValidation(readProblems)));
        services.TryAddSingleton(sp => PipelineSettings.From(sp, readProblems, warnings));
        return services;
    }

    private static MotionServerBuilder AddMotionServerCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRosterSource>(sp =>
        {
            var folder = new EventFolder(sp.GetRequiredService<MotionServerOptionsReadResult>().Options.EventDirectory);
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
        services.TryAddSingleton<INoticeBoard>(PipelineNoticeBoard.Of);
        services.AddHostedService(sp =>
        {
            _ = sp.GetRequiredService<INoticeBoard>(); // a replaced pipeline without a board of its own is refused here, at the start
            return new MotionPipelineHostedService(sp.GetRequiredService<IMotionPipeline>(), sp.GetRequiredService<IHostApplicationLifetime>());
        });
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
