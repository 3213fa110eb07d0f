using Microsoft.Extensions.Logging;

namespace MotionServer.Host.Demo;

internal sealed partial class DemoEnvironment
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Demo: {Count} emulated Motion devices on {First} to {Last}, port {Port}, arriving and leaving over the next minutes; Ctrl+C stops")]
    private static partial void DemoRunning(ILogger logger, int count, string first, string last, int port);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Demo event folder: {Folder} - dashboards: {Dashboard}")]
    private static partial void DemoFolder(ILogger logger, string folder, string dashboard);
}
