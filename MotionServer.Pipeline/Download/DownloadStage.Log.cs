using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Download;

internal sealed partial class DownloadStage
{
    [LoggerMessage(EventId = 311, Level = LogLevel.Debug, Message = "{Hostname} {FileName} verification notes - {Notes}")]
    private static partial void VerificationNotes(ILogger logger, string hostname, string fileName, string notes);

    [LoggerMessage(EventId = 310, Level = LogLevel.Warning, Message = "{Hostname} {FileName} damaged - {Defects} ({Outcome})")]
    private static partial void Damaged(ILogger logger, string hostname, string fileName, string defects, string outcome);

    [LoggerMessage(EventId = 312, Level = LogLevel.Warning, Message = "{Hostname} {FileName} suspect - {Reasons}")]
    private static partial void Suspect(ILogger logger, string hostname, string fileName, string reasons);
}
