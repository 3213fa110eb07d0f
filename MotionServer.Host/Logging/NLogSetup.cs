using NLog;

namespace MotionServer.Host.Logging;

/// <summary>
/// Loads <c>nlog.config</c> from beside the program (so a published build logs the same from any working
/// directory) and points its file target at the event folder's <c>logs/server.log</c>.
/// </summary>
internal static class NLogSetup
{
    public const string EventDirectoryItem = "eventDir";

    public static void Configure(string eventDirectory)
    {
        GlobalDiagnosticsContext.Set(EventDirectoryItem, eventDirectory);
        LogManager.Setup()
            .SetupExtensions(extensions => extensions.RegisterLayoutRenderer(ContractLevel.LayoutRendererName, e => ContractLevel.Of(e.Level)))
            .LoadConfigurationFromFile(Path.Combine(AppContext.BaseDirectory, "nlog.config"), optional: false);
    }
}
