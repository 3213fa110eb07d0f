using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Detection;

internal sealed partial class DetectionStage
{
    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Hostname} detection failed - {Reason}")]
    private static partial void DetectionError(ILogger logger, string hostname, string reason);
}
