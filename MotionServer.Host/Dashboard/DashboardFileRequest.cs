using System.Text.RegularExpressions;

namespace MotionServer.Host.Dashboard;

/// <summary>
/// Decides which file of the dashboards folder a request path names, if any. Only plain file names directly in the
/// folder are served, with a known extension: no sub-folders (so no <c>..</c>), no dotfiles or temporary files
/// (<c>.index.html.&lt;guid&gt;.tmp</c>), no links that lead elsewhere, no directory listing.
/// </summary>
internal static partial class DashboardFileRequest
{
    /// <summary>The page served for <c>/</c>.</summary>
    public const string IndexFile = "index.html";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".ico"] = "image/x-icon",
    };

    /// <summary>Maps a request path (<c>/</c>, <c>/index.html</c>) to a file in <paramref name="root"/> that may be served.</summary>
    /// <param name="root">The dashboards folder, absolute.</param>
    /// <param name="requestPath">The decoded request path, starting with <c>/</c>.</param>
    /// <param name="fullPath">The file to serve.</param>
    /// <param name="contentType">Its content type.</param>
    /// <returns>False when the path names nothing that may be served (the caller answers 404).</returns>
    public static bool TryResolve(string root, string? requestPath, out string fullPath, out string contentType)
    {
        fullPath = "";
        contentType = "";
        string name = string.IsNullOrEmpty(requestPath) || requestPath == "/" ? IndexFile : requestPath[1..];
        if (requestPath is { Length: > 0 } && requestPath[0] != '/'
            || !SafeName().IsMatch(name)
            || name.Contains("..", StringComparison.Ordinal)
            || !ContentTypes.TryGetValue(Path.GetExtension(name), out string? type))
        {
            return false;
        }

        string rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        string candidate = Path.GetFullPath(Path.Combine(rootFull, name));
        if (!string.Equals(Path.GetDirectoryName(candidate), rootFull, StringComparison.Ordinal))
        {
            return false;
        }

        var file = new FileInfo(candidate);
        if (!file.Exists || file.LinkTarget is not null || (file.Attributes & (FileAttributes.Hidden | FileAttributes.System)) != 0)
        {
            return false;
        }

        fullPath = candidate;
        contentType = type;
        return true;
    }

    /// <summary>A letter or digit first, then letters, digits, dots, dashes and underscores: nothing else reaches the file system.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
