namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// How Host:ShutdownTimeout is shared out, in one place. In-flight downloads may finish for the drain time; the last
/// 1.5 s are kept for what follows the drain (the day's results, final dashboards, history, log flush). The Generic Host itself waits one
/// second longer than the whole budget, as a backstop: the pipeline ends its own stop first, and the host's deadline is
/// only ever reached if something hangs.
/// </summary>
internal static class StopBudget
{
    /// <summary>Kept back from the timeout for what follows the drain.</summary>
    public static readonly TimeSpan AfterDrain = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Of <see cref="AfterDrain"/>, the most the results stage may take to rebuild the last tracks' day (it takes
    /// milliseconds; past this it is abandoned, and the day is rebuilt at the next start).
    /// </summary>
    public static readonly TimeSpan Results = TimeSpan.FromSeconds(0.5);

    /// <summary>The host's margin beyond the timeout.</summary>
    public static readonly TimeSpan HostMargin = TimeSpan.FromSeconds(1);

    /// <summary>How long in-flight work may go on after a stop is asked for.</summary>
    public static TimeSpan DrainTime(ShutdownOptions shutdown) =>
        shutdown.ShutdownTimeout > AfterDrain ? shutdown.ShutdownTimeout - AfterDrain : TimeSpan.Zero;

    /// <summary>How long the Generic Host waits for its services to stop.</summary>
    public static TimeSpan HostShutdownTimeout(ShutdownOptions shutdown) => shutdown.ShutdownTimeout + HostMargin;
}
