using Microsoft.Extensions.Logging;

namespace MotionServer.Host.Memory;

internal sealed partial class OldGenerationCollection
{
    [LoggerMessage(EventId = 1012, Level = LogLevel.Debug,
        Message = "Heap collected whole - gen 2 had grown {Kilobytes} KiB since the last full collection")]
    private static partial void HeapCollected(ILogger logger, long kilobytes);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Debug, Message = "Heap not collected - {Reason}")]
    private static partial void HeapNotCollected(ILogger logger, string reason);
}
