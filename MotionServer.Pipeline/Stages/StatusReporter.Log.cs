using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Stages;

internal sealed partial class StatusReporter
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "{Hostname} detected at {Address}")]
    private static partial void Detected(ILogger logger, string hostname, string address);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "{Hostname} is connected")]
    private static partial void LogConnected(ILogger logger, string hostname);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "{Hostname} has {Count} track(s) to download")]
    private static partial void LogTracksToDownload(ILogger logger, string hostname, int count);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information, Message = "{Hostname} can be disconnected")]
    private static partial void LogCanBeDisconnected(ILogger logger, string hostname);

    [LoggerMessage(EventId = 208, Level = LogLevel.Error, Message = "{Hostname} inspection failed - {Reason}")]
    private static partial void LogInspectionFailed(ILogger logger, string hostname, string reason);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "{Hostname} {FileName} failed - {Reason}")]
    private static partial void LogTrackFailed(ILogger logger, string hostname, string fileName, string reason);

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "{Hostname} {FileName} downloaded - {Summary}")]
    private static partial void LogDownloaded(ILogger logger, string hostname, string fileName, string summary);

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "{Hostname} has been disconnected")]
    private static partial void LogDisconnected(ILogger logger, string hostname);

    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "{Hostname} needs attention - {Summary}")]
    private static partial void LogNeedsAttention(ILogger logger, string hostname, string summary);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "{Hostname} left during {Step} - {Reason}")]
    private static partial void LeftDuring(ILogger logger, string hostname, string step, string reason);
}
