using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Dashboard;

internal sealed partial class DashboardPublisher
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Dashboards are written to {Directory} every {Interval}")]
    private static partial void LogStarted(ILogger logger, string directory, TimeSpan interval);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Dashboards could not be written: {Reason}")]
    private static partial void LogRenderFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Dashboards are written again")]
    private static partial void LogRenderRecovered(ILogger logger);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Dashboards written a last time: server stopped")]
    private static partial void LogFinalRender(ILogger logger);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Stopping the dashboards took too long; a render still running is not awaited")]
    private static partial void LogStopWaitCancelled(ILogger logger);
}
