namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// The planner's view of the downloaded tracks on disk, and its one way to change them (a rename). Behind an interface
/// because its answers depend on the file system: on a case-insensitive one (Windows and macOS, the usual event laptops)
/// <c>abc_1.oao</c> and <c>ABC_1.oao</c> are one file, and a test on a case-sensitive one has to simulate that.
/// </summary>
internal interface ITrackFiles
{
    /// <summary>The length of the file the path names, or null when there is none (or it cannot be read).</summary>
    long? LengthOf(string path);

    /// <summary>
    /// The name, as stored, of the file the path names: the path's own name, or on a case-insensitive file system the
    /// same name in another case; null when there is none.
    /// </summary>
    string? NameOnDisk(string path);

    /// <summary>Renames a file, atomically, never over another one, and makes the rename survive a power cut.</summary>
    /// <exception cref="IOException">The target exists, or the file system refused.</exception>
    void Move(string from, string to);
}
