using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Stages;

internal sealed partial class PeriodicLoop
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "{Loop} round failed - {Type}: {Reason}")]
    private static partial void RoundFailed(ILogger logger, string loop, string type, string reason);
}
