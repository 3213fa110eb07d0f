namespace MotionServer.Pipeline.Notices;

/// <summary>
/// Tells whether the event folder can be written, by creating (and at once deleting) a small file in it. Run at
/// most once per <c>every</c>: a disk that turned read-only, a permissions change or a removed USB disk is seen
/// within that time, without writing a file at every sweep.
/// </summary>
internal sealed class EventFolderWriteCheck(string folder, TimeProvider time, TimeSpan every)
{
    /// <summary>The probe file's name (hidden; deleted on close).</summary>
    public const string ProbeFile = ".write-check";

    private long? _lastRun;
    private string? _problem;

    /// <summary>Why the folder cannot be written, or null when it can; the last answer between two runs.</summary>
    public string? Problem()
    {
        if (_lastRun is { } last && time.GetElapsedTime(last) < every)
        {
            return _problem;
        }

        _lastRun = time.GetTimestamp();
        _problem = Probe(folder);
        return _problem;
    }

    /// <summary>Writes and deletes a probe file in <paramref name="folder"/>; returns why that failed, or null.</summary>
    public static string? Probe(string folder)
    {
        try
        {
            using var stream = new FileStream(Path.Combine(folder, ProbeFile), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            stream.WriteByte(0);
            stream.Flush();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
