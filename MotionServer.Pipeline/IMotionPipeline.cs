using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline;

/// <summary>
/// The whole job on one event folder: detection, inspection, download, disconnection and dashboards.
/// Start it once and stop it once; to run again, create a new one. Two pipelines share nothing.
/// </summary>
public interface IMotionPipeline : IAsyncDisposable
{
    /// <summary>The fleet's state, readable at any time.</summary>
    IMotionFleet Fleet { get; }

    /// <summary>
    /// Completes, with the reason, if the pipeline breaks down as a whole (a part of its graph failed, which the devices
    /// themselves cannot cause) and can no longer do its job. It is logged as Critical when it happens; the host should
    /// then stop with a non-zero exit code (the hosted service that <c>AddMotionServer</c> registers does so). In a
    /// healthy run it never completes.
    /// </summary>
    Task<Exception> Failure { get; }

    /// <summary>
    /// Checks the settings, takes the event folder's lock, loads the roster, reconciles the folder with the
    /// ledgers, and starts the periodic sweeps and the dashboards.
    /// </summary>
    /// <exception cref="StartupException">The server must not start; every problem is named.</exception>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stops cleanly within Host:ShutdownTimeout: no new work starts; in-flight downloads get most of the
    /// time to finish and are then abandoned without leaving partial files; the final dashboards say the
    /// server stopped. Cancelling <paramref name="cancellationToken"/> abandons in-flight work at once.
    /// </summary>
    Task StopAsync(CancellationToken cancellationToken);
}
