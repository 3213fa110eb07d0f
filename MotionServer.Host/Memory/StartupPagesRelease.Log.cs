using Microsoft.Extensions.Logging;

namespace MotionServer.Host.Memory;

internal sealed partial class StartupPagesRelease
{
    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug,
        Message = "Start-up pages given back - {Mappings} read-only file mappings ({Megabytes} MiB mapped), {Refused} refused")]
    private static partial void PagesGivenBack(ILogger logger, int mappings, long megabytes, int refused);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Debug, Message = "Start-up pages not given back - {Reason}")]
    private static partial void PagesNotGivenBack(ILogger logger, string reason);
}
