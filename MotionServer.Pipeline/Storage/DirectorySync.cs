using System.Runtime.InteropServices;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// Makes a rename durable. On Linux a rename lives in its directory's entry: until the directory itself is flushed, a
/// power cut may forget it even though the file's bytes are on disk (then the track would be found under its temporary
/// name at the next start — removed, and fetched again). So after a rename the directory is opened and fsynced.
/// .NET cannot open a directory as a file, hence the two libc calls. Elsewhere (Windows flushes the rename with the
/// file's metadata; macOS is not a target) this does nothing.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux (x86-64 and arm64)

    /// <summary>Flushes <paramref name="directory"/>'s entries to disk; best effort (a file system that cannot is not an error).</summary>
    /// <returns>True when the directory was flushed (always false off Linux).</returns>
    public static bool Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        int fd = Open(directory, ReadOnly | Directory);
        if (fd < 0)
        {
            return false;
        }

        try
        {
            return FSync(fd) == 0;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FSync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
