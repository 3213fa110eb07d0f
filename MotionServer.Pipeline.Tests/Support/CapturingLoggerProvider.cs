using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Tests.Support;

/// <summary>Keeps every log line (level and formatted message) so tests can pin the contract's words.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    /// <summary>Raised on the logging thread after each line is kept (invariant checks hook in here).</summary>
    public event Action<LogLine>? LineWritten;

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public IEnumerable<string> Messages(LogLevel? level = null) =>
        Lines.Where(l => level is null || l.Level == level).Select(l => l.Message);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    public sealed record LogLine(LogLevel Level, string Message);

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new LogLine(logLevel, formatter(state, exception));
            owner._lines.Enqueue(line);
            owner.LineWritten?.Invoke(line);
        }
    }
}
