namespace MotionServer.Emulator.Faults;

/// <summary>Track paths a well-behaved server must refuse: traversal, schemes, hosts and control characters.</summary>
internal static class HostilePaths
{
    /// <summary>The catalogue used by <see cref="DeviceFault.HostileTrackPaths"/> when no paths are given.</summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "../../etc/passwd.oao",
        "/logs/../../etc/passwd.oao",
        "http://evil/x.oao",
        "//host/x.oao",
        "/logs/2025/10/0001_2025-10-12-1102.oao\r\n2025-10-12 10:00:00,INFO,motion-1 can be disconnected",
        "/logs/2025/10/bell\u0007\u0000.oao",
    ];
}
