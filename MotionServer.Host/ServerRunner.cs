using MotionServer.Host.CommandLine;
using MotionServer.Host.Configuration;
using MotionServer.Host.Dashboard;
using MotionServer.Host.Logging;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Versioning;
using MotionServer.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NLog.Extensions.Logging;

namespace MotionServer.Host;

/// <summary>
/// One run of the server: event folder → logging → settings → Generic Host with the pipeline → wait for
/// Ctrl+C / SIGTERM → stop. The first log line of a run is "Server started" and the last "Server stopped",
/// whatever happens between; bad input ends the run with exit code 2 and a message per problem.
/// </summary>
internal static partial class ServerRunner
{
    public static async Task<int> RunAsync(HostArguments arguments)
    {
        using var stopSignals = new Service.EarlyStopSignals();
        if (!arguments.Demo)
        {
            return await RunInFolderAsync(arguments, demo: null, stopSignals.Requested).ConfigureAwait(false);
        }

        var (demo, problem) = await Demo.DemoEnvironment.StartAsync(arguments.EventDirectory).ConfigureAwait(false);
        if (demo is null)
        {
            await Console.Error.WriteLineAsync($"MotionServer.Host: {problem}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        // The fleet outlives the server's run: it is taken down once the server no longer downloads from it.
        await using (demo.ConfigureAwait(false))
        {
            return await RunInFolderAsync(arguments, demo, stopSignals.Requested).ConfigureAwait(false);
        }
    }

    private static async Task<int> RunInFolderAsync(HostArguments arguments, Demo.DemoEnvironment? demo, CancellationToken stopRequested)
    {
        string eventDirectory = demo?.EventDirectory ?? Path.GetFullPath(arguments.EventDirectory ?? ".");

        // The lock comes before the log file: a second server on the folder must not write into the first one's log.
        using var folderLock = await TryLockAsync(eventDirectory).ConfigureAwait(false);
        if (folderLock is null)
        {
            return ExitCodes.BadInput;
        }

        NLogSetup.Configure(eventDirectory);
        using var loggers = LoggerFactory.Create(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddNLog());
        var logger = loggers.CreateLogger("MotionServer.Host");
        ServerStarted(logger, ProductVersion.Current.Text);
        try
        {
            return await RunHostAsync(arguments, Overrides(arguments, demo, eventDirectory), demo, folderLock, logger, stopRequested).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the last resort: say what happened in the log, never a stack trace on the beach
        catch (Exception e)
#pragma warning restore CA1031
        {
            ServerFailed(logger, e.GetType().Name, e.Message);
            return ExitCodes.Failure;
        }
        finally
        {
            ServerStopped(logger);
            NLog.LogManager.Shutdown(); // flushes the file: the last line is never lost or half written
        }
    }

    /// <summary>Settings the command line decides beyond configuration: the event folder, the demo's fleet, the dry run.</summary>
    private static Dictionary<string, string?> Overrides(HostArguments arguments, Demo.DemoEnvironment? demo, string eventDirectory)
    {
        var overrides = new Dictionary<string, string?>(demo?.SettingsOverrides ?? new Dictionary<string, string?>())
        {
            [$"{MotionServerDefaults.SectionName}:EventDirectory"] = eventDirectory,
        };
        if (arguments.DryRun)
        {
            overrides[$"{MotionServerDefaults.SectionName}:DryRun"] = "true";
        }

        return overrides;
    }

    /// <summary>Takes the event folder's lock; or says on the console why it cannot, and gives null.</summary>
    private static async Task<EventFolderLock?> TryLockAsync(string eventDirectory)
    {
        try
        {
            return EventFolderLock.Acquire(eventDirectory);
        }
        catch (Exception e) when (e is EventFolderLockedException or IOException or UnauthorizedAccessException)
        {
            // Say which folder and why: a bare "The file '...' already exists" does not tell the operator what to fix.
            string problem = e is EventFolderLockedException
                ? e.Message
                : $"the event folder {eventDirectory} cannot be used ({e.Message}); --event-dir must name a folder this user can write";
            await Console.Error.WriteLineAsync($"MotionServer.Host: cannot start - {problem}").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<int> RunHostAsync(HostArguments arguments, Dictionary<string, string?> overrides, Demo.DemoEnvironment? demo, EventFolderLock folderLock,
        ILogger logger, CancellationToken stopRequested)
    {
        var settings = SettingsLoader.Load(arguments, overrides);
        if (settings.Problems.Count > 0)
        {
            foreach (var problem in settings.Problems)
            {
                BadSetting(logger, problem);
            }

            return ExitCodes.BadInput;
        }

        using var host = BuildHost(settings, folderLock);
        try
        {
            // Not cancelled by an early stop signal: the start runs to its end, then the stop follows at once.
            await host.StartAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (StartupException e)
        {
            foreach (var problem in e.Problems)
            {
                CannotStart(logger, problem);
            }

            // Set before the host (and a Windows service lifetime with it) is disposed: the service manager reads it then.
            Environment.ExitCode = ExitCodes.BadInput;
            return ExitCodes.BadInput;
        }

        demo?.Announce(logger);

        // A Ctrl+C or SIGTERM that came while starting (or comes later) stops the host as its own handling would.
        await host.WaitForShutdownAsync(stopRequested).ConfigureAwait(false);

        // A pipeline that broke down (logged as Critical when it did) stopped the host: say so in the exit code.
        var pipeline = host.Services.GetRequiredService<IMotionPipeline>();
        return pipeline.Failure.IsCompleted ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static IHost BuildHost(SettingsLoadResult settings, EventFolderLock folderLock)
    {
        var options = settings.Settings!.Options;
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddConfiguration(settings.Configuration!);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddNLog();
        builder.Services.Configure<HostOptions>(host =>
        {
            host.ShutdownTimeout = StopBudget.HostShutdownTimeout(options.Host);
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.AddSingleton(folderLock);
        // Each is a no-op unless its service manager started the process: then it reports start and stop to it.
        builder.Services.AddWindowsService(service => service.ServiceName = "MotionServer");
        builder.Services.AddSystemd();
        builder.Services.AddMotionServer(settings.Settings);
        // The program file's pages that only starting needed, given back once started (Memory/ProgramPages).
        builder.Services.AddHostedService<Memory.StartupPagesRelease>();
        // The heap collected whole when gen 2 has grown by 2 MiB since the last time (Memory/OldGenerationCollection).
        builder.Services.AddHostedService<Memory.OldGenerationCollection>();
        if (settings.Dashboard.Listen is { } listen)
        {
            builder.Services.AddDashboardWebServer(listen, new EventFolder(options.EventDirectory).DashboardsDirectory);
        }
        return builder.Build();
    }
}
