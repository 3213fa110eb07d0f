using System.Globalization;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// One server per event folder: two servers writing the same ledgers would corrupt them. The lock is an
/// exclusive open of <c>motion-server.lock</c> (an OS file lock, so a crashed server's lock vanishes with its
/// process and is simply taken over). Because a locked file cannot be read by others, who holds it is written
/// beside it in <c>motion-server.lock.info</c>.
/// </summary>
internal sealed class EventFolderLock : IDisposable
{
    private readonly FileStream _handle;
    private readonly string _infoPath;

    private EventFolderLock(FileStream handle, string infoPath)
    {
        _handle = handle;
        _infoPath = infoPath;
    }

    /// <summary>Takes the lock of an event folder (creating the folder if needed).</summary>
    /// <exception cref="EventFolderLockedException">Another server holds it; the message says who.</exception>
    /// <exception cref="IOException">The folder cannot be created or written.</exception>
    public static EventFolderLock Acquire(string eventDirectory, TimeProvider? time = null)
    {
        var folder = new EventFolder(eventDirectory);
        Directory.CreateDirectory(folder.Root);
        return Acquire(folder, time ?? TimeProvider.System);
    }

    internal static EventFolderLock Acquire(EventFolder folder, TimeProvider time)
    {
        string infoPath = folder.LockFile + ".info";
        FileStream handle;
        try
        {
            handle = new FileStream(folder.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            string holder = ReadHolder(infoPath);
            throw new EventFolderLockedException(
                $"another Motion Server is already running on {folder.Root} ({holder}); stop it first, or use another event folder");
        }

        string info = string.Create(CultureInfo.InvariantCulture,
            $"process {Environment.ProcessId} on {Environment.MachineName}, user {Environment.UserName}, since {time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC");
        try
        {
            AtomicFile.WriteAllText(infoPath, info + Environment.NewLine);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        return new EventFolderLock(handle, infoPath);
    }

    /// <summary>The event folder this lock holds, absolute.</summary>
    public string EventDirectory => Path.GetDirectoryName(_handle.Name)!;

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        AtomicFile.TryDelete(_infoPath);
        _handle.Dispose();
    }

    private static string ReadHolder(string infoPath)
    {
        try
        {
            return File.ReadAllText(infoPath).Trim();
        }
        catch (IOException)
        {
            return "holder unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "holder unknown";
        }
    }
}
