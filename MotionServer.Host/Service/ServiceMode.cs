using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Hosting.WindowsServices;
using MotionServer.Host.CommandLine;

namespace MotionServer.Host.Service;

/// <summary>
/// Whether the server was started by a service manager (the Windows Service Control Manager or systemd), and what
/// that asks of the command line. A service starts in the system's folder (<c>C:\Windows\System32</c>, <c>/</c>), so the
/// default event folder, the current directory, is never the event's: the folder must be named.
/// </summary>
internal static class ServiceMode
{
    /// <summary>True when the Windows Service Control Manager or systemd started this process.</summary>
    public static bool IsRunningAsService() => WindowsServiceHelpers.IsWindowsService() || SystemdHelpers.IsSystemdService();

    /// <summary>The problem with <paramref name="arguments"/> for a run as a service, or null when there is none.</summary>
    public static string? Check(HostArguments arguments, bool runningAsService)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return runningAsService && arguments.EventDirectory is null && !arguments.Demo
            ? "running as a service, --event-dir is required: a service starts in the system's folder, which is no event folder (see docs/service.md)"
            : null;
    }
}
