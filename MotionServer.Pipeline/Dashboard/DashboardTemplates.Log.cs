using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Dashboard;

internal sealed partial class DashboardTemplates
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Dashboard template {File} loaded")]
    private static partial void LogTemplateLoaded(ILogger logger, string file);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Dashboard template {Problem} - the default template is used")]
    private static partial void LogTemplateFailed(ILogger logger, string problem);
}
