namespace MotionServer.Pipeline.Files;

/// <summary>A file's last write time and length: what <see cref="PolledFile"/> compares to tell a change.</summary>
/// <param name="LastWriteUtc">The last write time, UTC.</param>
/// <param name="Length">The length in bytes; -1 when there is no file.</param>
internal readonly record struct FileStamp(DateTime LastWriteUtc, long Length)
{
    /// <summary>No file.</summary>
    public static readonly FileStamp Missing = new(DateTime.MinValue, -1);

    /// <summary>True when there is a file.</summary>
    public bool Exists => Length >= 0;
}
