using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Disconnection;

internal sealed partial class DisconnectionStage
{
    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "{Hostname} presence probe failed - {Reason}")]
    private static partial void ProbeError(ILogger logger, string hostname, string reason);
}
