namespace MotionServer.Pipeline.Files;

/// <summary>What <see cref="PolledFile.Poll"/> found.</summary>
/// <param name="Change">Whether the file changed since the content accepted.</param>
/// <param name="Stamp">The file's time and length now (<see cref="FileStamp.Missing"/> when there is none or it cannot be looked at): accept it once read.</param>
internal readonly record struct FilePoll(FileChange Change, FileStamp Stamp);

/// <summary>Whether a polled file changed.</summary>
internal enum FileChange
{
    /// <summary>The same as the content accepted (or not looked at: its recheck period has not passed, or the change has not settled).</summary>
    Unchanged,

    /// <summary>Different from the content accepted (or gone, or there was none accepted yet): read it, then accept its stamp.</summary>
    Changed,

    /// <summary>Its time and length cannot be looked at (<see cref="PolledFile.Problem"/> says why).</summary>
    Unreadable,
}
