using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Stages;

internal sealed partial class StageGuard
{
    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "{Hostname} {Stage} failed - {Reason}; and handling that failed too - {Type}: {Error}")]
    private static partial void HandlingFailed(ILogger logger, string hostname, string stage, string reason, string type, string error);

    [LoggerMessage(EventId = 31, Level = LogLevel.Critical, Message = "{Hostname} reached {Stage} as {Outcome}, which it does not take - a defect in the graph's wiring")]
    private static partial void Misrouted(ILogger logger, string hostname, string stage, string outcome);
}
