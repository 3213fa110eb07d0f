using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Inspection;

internal sealed partial class DryRunReport
{
    [LoggerMessage(EventId = 220, Level = LogLevel.Information, Message = "{Hostname} {FileName} would be downloaded - {Summary}")]
    private static partial void WouldDownload(ILogger logger, string hostname, string fileName, string summary);

    [LoggerMessage(EventId = 221, Level = LogLevel.Information, Message = "{Hostname} {FileName} would be skipped - {Reason} - {Summary}")]
    private static partial void WouldSkip(ILogger logger, string hostname, string fileName, string reason, string summary);

    [LoggerMessage(EventId = 223, Level = LogLevel.Information, Message = "{Hostname} {FileName} would be renamed to {NewName} - the roster corrected its File ID")]
    private static partial void WouldRename(ILogger logger, string hostname, string fileName, string newName);

    [LoggerMessage(EventId = 222, Level = LogLevel.Information, Message = "{Hostname} dry run - {Downloads} track(s) would be downloaded, {Skips} skipped; nothing was written")]
    private static partial void Totals(ILogger logger, string hostname, int downloads, int skips);
}
