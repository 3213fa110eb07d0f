namespace MotionServer.Emulator.Devices;

/// <summary>The fixed paths a device serves.</summary>
internal static class DeviceRoutes
{
    /// <summary><c>GET /info.json</c>.</summary>
    public const string Info = "/info.json";

    /// <summary><c>GET /settings.json</c>.</summary>
    public const string Settings = "/settings.json";

    /// <summary><c>GET /logs.json</c>.</summary>
    public const string Logs = "/logs.json";

    /// <summary>What a path names; <paramref name="isTrack"/> tells whether the device lists a log there.</summary>
    public static RouteKind KindOf(string path, bool isTrack) => path switch
    {
        Info or Settings or Logs => RouteKind.Json,
        _ when isTrack => RouteKind.Track,
        _ => RouteKind.Unknown,
    };
}
