using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Notices;

internal sealed partial class NoticeBoard
{
    [LoggerMessage(EventId = 900, Level = LogLevel.Warning, Message = "{Text}")]
    private static partial void LogRaisedWarning(ILogger logger, string text);

    [LoggerMessage(EventId = 901, Level = LogLevel.Error, Message = "{Text}")]
    private static partial void LogRaisedError(ILogger logger, string text);

    [LoggerMessage(EventId = 902, Level = LogLevel.Information, Message = "Resolved - {Text}")]
    private static partial void LogCleared(ILogger logger, string text);
}
