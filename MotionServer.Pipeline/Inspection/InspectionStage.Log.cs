using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Inspection;

internal sealed partial class InspectionStage
{
    [LoggerMessage(EventId = 200, Message = "{Hostname} battery level is {Battery}%")]
    private static partial void BatteryLevel(ILogger logger, LogLevel level, string hostname, int battery);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "{Hostname} {Warning}")]
    private static partial void MetadataWarning(ILogger logger, string hostname, string warning);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "{Hostname} {FileName} queued - {Summary}")]
    private static partial void Queued(ILogger logger, string hostname, string fileName, string summary);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "{Hostname} {FileName} skipped - {Summary}")]
    private static partial void Skipped(ILogger logger, string hostname, string fileName, string summary);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "{Hostname} {FileName} already present - {Summary}")]
    private static partial void AlreadyPresent(ILogger logger, string hostname, string fileName, string summary);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "{Hostname} has no tracks to download")]
    private static partial void NothingToDownload(ILogger logger, string hostname);

    [LoggerMessage(EventId = 209, Level = LogLevel.Error, Message = "{Hostname} {File} refused - {Reason}")]
    private static partial void PathRefused(ILogger logger, string hostname, string file, string reason);

    [LoggerMessage(EventId = 210, Level = LogLevel.Error, Message = "{Hostname} track refused - {Reason}")]
    private static partial void TrackRefused(ILogger logger, string hostname, string reason);

    [LoggerMessage(EventId = 212, Level = LogLevel.Warning, Message = "{Hostname} {Document} value refused - {Reason}")]
    private static partial void ValueRefused(ILogger logger, string hostname, string document, string reason);

    [LoggerMessage(EventId = 213, Level = LogLevel.Warning, Message = "{Hostname} logs.json entry {Index}{File} refused - {Reason}")]
    private static partial void LogEntryRefused(ILogger logger, string hostname, int index, string file, string reason);

    [LoggerMessage(EventId = 215, Level = LogLevel.Warning, Message = "{Hostname} logs.json - {Count} more entries refused")]
    private static partial void MoreLogEntriesRefused(ILogger logger, string hostname, int count);

    [LoggerMessage(EventId = 216, Level = LogLevel.Warning, Message = "{Hostname} logs.json entry {Index}{File} figure dropped as unknown - {Reason}")]
    private static partial void FigureDropped(ILogger logger, string hostname, int index, string file, string reason);

    [LoggerMessage(EventId = 217, Level = LogLevel.Warning, Message = "{Hostname} logs.json - {Count} more figures dropped as unknown")]
    private static partial void MoreFiguresDropped(ILogger logger, string hostname, int count);

    [LoggerMessage(EventId = 214, Level = LogLevel.Information, Message = "{Hostname} {FileName} renamed to {NewName} - the roster corrected its File ID")]
    internal static partial void Renamed(ILogger logger, string hostname, string fileName, string newName);

    [LoggerMessage(EventId = 211, Level = LogLevel.Error, Message = "{Hostname} ledger problem - {Problem}")]
    internal static partial void LedgerUnreadable(ILogger logger, string hostname, string problem);
}
