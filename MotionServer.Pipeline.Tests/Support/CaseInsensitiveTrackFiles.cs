using MotionServer.Pipeline.Inspection;

namespace MotionServer.Pipeline.Tests.Support;

/// <summary>
/// A case-insensitive file system (Windows, macOS), simulated over the test machine's case-sensitive one: a path names
/// the file whose name equals its own ignoring case, and a move onto a name that some file already answers to fails, as
/// a rename without overwrite may there even when that file is the one being moved. Records every move.
/// </summary>
internal sealed class CaseInsensitiveTrackFiles : ITrackFiles
{
    public List<(string From, string To)> Moves { get; } = [];

    public long? LengthOf(string path) => Find(path) is { } file ? new FileInfo(file).Length : null;

    public string? NameOnDisk(string path) => Find(path) is { } file ? Path.GetFileName(file) : null;

    public void Move(string from, string to)
    {
        string stored = Find(from) ?? throw new FileNotFoundException("no such file", from);
        if (Find(to) is not null)
        {
            throw new IOException($"{to} already exists");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(stored, to);
        Moves.Add((Path.GetFileName(from), Path.GetFileName(to)));
    }

    private static string? Find(string path)
    {
        string directory = Path.GetDirectoryName(path)!;
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory).FirstOrDefault(f => string.Equals(Path.GetFileName(f), Path.GetFileName(path), StringComparison.OrdinalIgnoreCase))
            : null;
    }
}
