using Microsoft.Extensions.Logging;

namespace MotionServer.Host;

internal static partial class ServerRunner
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Server started - Motion Server {Version}")]
    private static partial void ServerStarted(ILogger logger, string version);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Server stopped")]
    private static partial void ServerStopped(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Bad setting - {Problem}")]
    private static partial void BadSetting(ILogger logger, string problem);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Cannot start - {Problem}")]
    private static partial void CannotStart(ILogger logger, string problem);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Server failed - {Type}: {Reason}")]
    private static partial void ServerFailed(ILogger logger, string type, string reason);
}
