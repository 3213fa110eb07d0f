using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Graph;

internal sealed partial class MotionPipeline
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Watching for {Count} devices; event folder {Folder}")]
    private static partial void Started(ILogger logger, int count, string folder);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Dry run - devices are listed with what would be downloaded and what skipped; nothing is downloaded and nothing is written but this log")]
    private static partial void DryRun(ILogger logger);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Setting renamed - {Problem}")]
    private static partial void SettingRenamed(ILogger logger, string problem);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "history.json could not be saved - {Reason}")]
    private static partial void HistoryNotSaved(ILogger logger, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Roster reloaded: {Count} devices")]
    private static partial void RosterReloaded(ILogger logger, int count);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Roster change refused, the last good roster stays in force - {Problem}")]
    private static partial void RosterRefused(ILogger logger, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Stopping: no new work starts; downloads in progress may finish")]
    private static partial void StopRequested(ILogger logger);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Pipeline stopped")]
    private static partial void Stopped(ILogger logger);
}
