using Microsoft.Extensions.Logging;

namespace MotionServer.Host.Dashboard;

internal sealed partial class DashboardWebServer
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Dashboards served at {Addresses} from {Directory}")]
    private static partial void LogListening(ILogger logger, string addresses, string directory);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Error, Message = "Dashboards cannot be served at {Url}: {Reason}")]
    private static partial void LogCannotListen(ILogger logger, string url, string reason);
}
