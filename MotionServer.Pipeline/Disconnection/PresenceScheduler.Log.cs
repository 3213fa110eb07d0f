using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Disconnection;

internal sealed partial class PresenceScheduler
{
    [LoggerMessage(EventId = 402, Level = LogLevel.Error, Message = "Presence pass failed - {Type}: {Reason}")]
    private static partial void PassFailed(ILogger logger, string type, string reason);

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "Disconnection:Workers is {Workers}, fewer than the {Count} devices of the roster: when more finished devices than that leave at once, some are noticed later than Disconnection:Interval + ConnectTimeout")]
    private static partial void WorkersBelowRoster(ILogger logger, int workers, int count);
}
