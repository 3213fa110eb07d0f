using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Inspection;

/// <summary>The downloaded tracks on the real disk, whatever its case rules.</summary>
internal sealed class TrackFiles : ITrackFiles
{
    // Matching done by .NET, not by the file system: a name without wildcards matches the names equal to it ignoring case,
    // on every system, and each comes back as stored.
    private static readonly EnumerationOptions IgnoringCase = new()
    {
        MatchCasing = MatchCasing.CaseInsensitive,
        MatchType = MatchType.Simple,
        IgnoreInaccessible = true,
    };

    public long? LengthOf(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? info.Length : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public string? NameOnDisk(string path)
    {
        string name = Path.GetFileName(path);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var stored = Directory.EnumerateFiles(Path.GetDirectoryName(path)!, name, IgnoringCase).Select(Path.GetFileName).ToList();
            return stored.Contains(name, StringComparer.Ordinal) ? name : stored.FirstOrDefault() ?? name;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Move(string from, string to)
    {
        string directory = Path.GetDirectoryName(to)!;
        Directory.CreateDirectory(directory);
        File.Move(from, to, overwrite: false);
        _ = DirectorySync.Flush(directory);
        _ = DirectorySync.Flush(Path.GetDirectoryName(from)!);
    }
}
