namespace MotionServer.Pipeline.Tracks;

/// <summary>
/// A track's path on the device, checked before it is ever put in a request: a plain absolute path
/// (<c>/logs/...</c>) with no scheme, no host (<c>//</c>), no <c>..</c> or <c>.</c> segments, no backslash
/// and no control characters. Requests only ever go to the device's own address.
/// </summary>
internal static class DevicePath
{
    /// <summary>Longest path accepted.</summary>
    public const int MaxLength = 1024;

    /// <summary>Checks a device path; returns null when it is safe, otherwise why it is refused.</summary>
    public static string? Check(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "the path is empty";
        }

        if (path.Length > MaxLength)
        {
            return $"the path is longer than {MaxLength} characters";
        }

        if (path.Any(char.IsControl))
        {
            return "the path holds control characters";
        }

        if (path[0] != '/')
        {
            return path.Contains(':', StringComparison.Ordinal) ? "the path has a scheme" : "the path is not absolute";
        }

        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            return "the path names a host";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return "the path holds a backslash";
        }

        foreach (var segment in path[1..].Split('/'))
        {
            if (segment.Length == 0)
            {
                return "the path has an empty segment";
            }

            if (segment is "." or "..")
            {
                return "the path has a '.' or '..' segment";
            }
        }

        return null;
    }

    /// <summary>True when the path names an OAO track (the only kind fetched).</summary>
    public static bool IsTrack(string path) => path.EndsWith(".oao", StringComparison.OrdinalIgnoreCase);

    /// <summary>The request target: each segment URL-encoded, so nothing in it can change the request's meaning.</summary>
    public static string ToRequestTarget(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return "/" + string.Join('/', path[1..].Split('/').Select(Uri.EscapeDataString));
    }
}
