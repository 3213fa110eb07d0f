using Microsoft.Extensions.Configuration;
using MotionServer.Pipeline.Configuration;

namespace MotionServer.Host.Configuration;

/// <summary>
/// <c>MotionServer:Dashboard:Listen</c>: the address at which this program serves the dashboards folder to phones. The
/// host's own setting, not the library's (the library writes the dashboards; serving them is the program's job), under
/// the key the settings' contract names: the library's reader is told that the host reads it. It is checked here, once.
/// </summary>
internal sealed class DashboardListenOptions
{
    /// <summary>The key below <c>MotionServer</c>.</summary>
    public const string Key = "Dashboard:Listen";

    /// <summary>What the settings contract says of a value that is not one.</summary>
    public const string Expected = "expected an http:// URL without a path, such as http://0.0.0.0:8080";

    /// <summary>The keys this host reads itself, which the library's reader must know of.</summary>
    public static readonly IReadOnlyCollection<string> HostKeys = [Key];

    /// <summary>The URL to serve the dashboards at (e.g. <c>http://0.0.0.0:8080</c>), or null: not served. Default none.</summary>
    public string? Listen { get; private init; }

    /// <summary>Reads the setting below <paramref name="section"/> (the <c>MotionServer</c> section) and checks it.</summary>
    public static (DashboardListenOptions Options, SettingsProblem? Problem) Read(IConfigurationSection section)
    {
        string? listen = section[Key] is { Length: > 0 } value ? value : null;
        var problem = listen is not null && !IsHttpUrlWithoutPath(listen)
            ? new SettingsProblem($"{section.Path}:{Key}", listen, Expected)
            : null;
        return (new DashboardListenOptions { Listen = problem is null ? listen : null }, problem);
    }

    /// <summary>Whether <paramref name="listen"/> is an absolute <c>http://</c> URL with no path and no query.</summary>
    internal static bool IsHttpUrlWithoutPath(string listen) =>
        Uri.TryCreate(listen, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.AbsolutePath == "/" && uri.Query.Length == 0;
}
