using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MotionServer.Host.Dashboard;

/// <summary>
/// Gives the embedded web application the host's loggers, except the generic-host categories (its own start and
/// stop words) and Kestrel's chatter below a warning. Disposing it leaves the host's factory alone.
/// </summary>
internal sealed class ForwardingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        if (categoryName.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal)
            || categoryName.StartsWith("Microsoft.Hosting.Lifetime", StringComparison.Ordinal))
        {
            return NullLogger.Instance;
        }

        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ? new WarningsOnly(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
    }

    private sealed class WarningsOnly(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
