namespace MotionServer.Pipeline.Files;

/// <summary>
/// A file that is read again when it changes, polled rather than watched (file-system notifications are unreliable on
/// network and synced folders, and a look at a file's time and length is cheap). It remembers the time and length of
/// the content in use, which its reader <see cref="Accept">accepts</see> after reading it: a read that failed is not
/// accepted, so the next poll says "changed" again, even though the file's time and length stay the same (a file locked
/// by a spreadsheet, or without permission, becomes readable without changing).
/// </summary>
/// <remarks>
/// Two options: <c>recheckEvery</c> looks at the file at most that often (between two looks a poll says unchanged), and
/// <c>settle</c> says a change only once the file has stayed the same for one more poll (an editor saves in place:
/// truncated, then written; read at once, the file may be seen empty or half written). Not thread-safe: each owner
/// serializes its polls.
/// </remarks>
internal sealed class PolledFile(string path, TimeProvider? time = null, TimeSpan? recheckEvery = null, bool settle = false)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TimeSpan _recheck = recheckEvery ?? TimeSpan.Zero;
    private long? _lookedAt;
    private FileStamp? _accepted;
    private FileStamp? _pending;

    /// <summary>The file's path.</summary>
    public string Path { get; } = path;

    /// <summary>Why the file's time and length could not be looked at, at the last look; null when they could.</summary>
    public string? Problem { get; private set; }

    /// <summary>Looks at the file (when its recheck period has passed) and says whether it changed since the content accepted.</summary>
    public FilePoll Poll()
    {
        if (!LookDue())
        {
            return new FilePoll(FileChange.Unchanged, _accepted ?? FileStamp.Missing);
        }

        if (Look() is not { } stamp)
        {
            return new FilePoll(FileChange.Unreadable, FileStamp.Missing);
        }

        if (stamp == _accepted)
        {
            _pending = null;
            return new FilePoll(FileChange.Unchanged, stamp);
        }

        bool settled = !settle || stamp == _pending;
        _pending = stamp;
        return new FilePoll(settled ? FileChange.Changed : FileChange.Unchanged, stamp);
    }

    /// <summary>The content of <paramref name="stamp"/> (from <see cref="Poll"/>) is in use, or was judged: unchanged until the file changes.</summary>
    public void Accept(FileStamp stamp) => _accepted = stamp;

    /// <summary>True, and the look counted as made, when the last look is older than the recheck period.</summary>
    private bool LookDue()
    {
        long now = _time.GetTimestamp();
        if (_lookedAt is { } last && _time.GetElapsedTime(last, now) < _recheck)
        {
            return false;
        }

        _lookedAt = now;
        return true;
    }

    /// <summary>The file's time and length (<see cref="FileStamp.Missing"/>: no file), or null when they cannot be looked at.</summary>
    private FileStamp? Look()
    {
        try
        {
            var info = new FileInfo(Path);
            Problem = null;
            return info.Exists ? new FileStamp(info.LastWriteTimeUtc, info.Length) : FileStamp.Missing;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Problem = $"cannot be read: {e.Message}";
            return null;
        }
    }
}
