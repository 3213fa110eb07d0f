using NLog;

namespace MotionServer.Host.Logging;

/// <summary>
/// The contract's level words: DEBUG, INFO, WARNING, ERROR. NLog's own <c>${level}</c> says WARN, and event
/// scripts grep for WARNING.
/// </summary>
internal static class ContractLevel
{
    public const string LayoutRendererName = "contract-level";

    public static string Of(LogLevel level) =>
        level.Ordinal switch
        {
            <= 1 => "DEBUG", // Trace and Debug
            2 => "INFO",
            3 => "WARNING",
            _ => "ERROR", // Error and Fatal
        };
}
