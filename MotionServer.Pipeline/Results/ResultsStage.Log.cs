using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Results;

internal sealed partial class ResultsStage
{
    [LoggerMessage(EventId = 800, Level = LogLevel.Debug, Message = "Results of {Date:yyyy-MM-dd} rebuilt - {Rows} roster row(s), {Outcome}")]
    private static partial void LogRebuilt(ILogger logger, DateOnly date, int rows, string outcome);

    [LoggerMessage(EventId = 801, Level = LogLevel.Warning, Message = "Results of {Date:yyyy-MM-dd} not written - {Reason}")]
    private static partial void LogNotWritten(ILogger logger, DateOnly date, string reason);

    [LoggerMessage(EventId = 802, Level = LogLevel.Warning, Message = "Results not finished within {Seconds} s of the stop - the day in progress keeps its previous files; rebuilt at the next start")]
    private static partial void LogAbandoned(ILogger logger, double seconds);
}
