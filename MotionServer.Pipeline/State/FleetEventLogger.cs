using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.State;

/// <summary>
/// Passes every log call on, and keeps the notable ones (Information and above) as fleet events for the dashboards'
/// recent-events page, so the page shows the same words as the log without a second set of messages. Which device a
/// line is about is given when the logger is made (<see cref="FleetLog.For(int)"/>), never read back out of the line.
/// </summary>
internal sealed class FleetEventLogger(ILogger inner, RecentEvents events, int? deviceId) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information || inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        inner.Log(logLevel, eventId, state, exception, formatter);
        if (logLevel >= LogLevel.Information)
        {
            events.Add(logLevel, deviceId, formatter(state, exception));
        }
    }
}
