using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Graph;

internal sealed partial class DataflowBlocks
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Critical, Message = "Pipeline failed - its {Block} block broke down ({Type}: {Reason}); the server stops")]
    private static partial void BlockFaulted(ILogger logger, string block, string type, string reason, Exception error);
}
