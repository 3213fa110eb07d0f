using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Storage;

internal sealed partial class StartupReconciler
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Removed {Count} temporary file(s) left by an earlier run")]
    private static partial void LeftoversRemoved(ILogger logger, int count);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "{Hostname} {FileName} was recorded as completed but {Reason}; it will be fetched again")]
    private static partial void NotTrusted(ILogger logger, string hostname, string fileName, string reason);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "{Hostname} ledger entry {Repair}")]
    private static partial void EntryRepaired(ILogger logger, string hostname, string repair);

    [LoggerMessage(EventId = 602, Level = LogLevel.Error, Message = "{Hostname} ledger problem - {Problem}")]
    private static partial void LedgerProblem(ILogger logger, string hostname, string problem);
}
