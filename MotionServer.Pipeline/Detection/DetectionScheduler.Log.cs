using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Detection;

internal sealed partial class DetectionScheduler
{
    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Detection pass failed - {Type}: {Reason}")]
    private static partial void PassFailed(ILogger logger, string type, string reason);
}
