using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;

namespace MotionServer.Host.Dashboard;

/// <summary>
/// Decides which file of the dashboards folder a request path names, if any. Only plain file names directly in the
/// folder are served, with a known extension: no sub-folders (so no <c>..</c>), no dotfiles or temporary files
/// (<c>.index.html.&lt;guid&gt;.tmp</c>), no links that lead elsewhere, no hidden or system files, no directory listing.
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

    /// <summary>The media types worth compressing (text): HTML, JSON, CSS, text and CSV.</summary>
    public static IEnumerable<string> CompressibleTypes => ContentTypes.Values.Where(t => t.EndsWith("charset=utf-8", StringComparison.Ordinal)).Select(t => t.Split(';')[0]);

    /// <summary>Our extensions and nothing else: a file of any other type is not served.</summary>
    public static FileExtensionContentTypeProvider ContentTypeProvider() => new(new Dictionary<string, string>(ContentTypes, StringComparer.OrdinalIgnoreCase));

    /// <summary>Maps a request path (<c>/</c>, <c>/index.html</c>) to a file in <paramref name="root"/> that may be served.</summary>
    /// <param name="root">The dashboards folder, absolute.</param>
    /// <param name="requestPath">The decoded request path, starting with <c>/</c>.</param>
    /// <param name="fullPath">The file to serve.</param>
    /// <returns>False when the path names nothing that may be served (the caller answers 404).</returns>
    public static bool TryResolve(string root, string? requestPath, out string fullPath)
    {
        fullPath = "";
        string name = string.IsNullOrEmpty(requestPath) || requestPath == "/" ? IndexFile : requestPath[1..];
        if (requestPath is { Length: > 0 } && requestPath[0] != '/'
            || !SafeName().IsMatch(name)
            || name.Contains("..", StringComparison.Ordinal)
            || !ContentTypes.ContainsKey(Path.GetExtension(name)))
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
        return true;
    }

    /// <summary>A letter or digit first, then letters, digits, dots, dashes and underscores: nothing else reaches the file system.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
