using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.State;

internal sealed partial class StatusChangeSubscribers
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Error, Message = "A StatusChanged subscriber failed on {Hostname} becoming {Status} - {Type}: {Reason}")]
    private static partial void SubscriberFailed(ILogger logger, string hostname, string status, string type, string reason, Exception exception);
}
