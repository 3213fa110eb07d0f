namespace MotionServer.Pipeline.Storage;

/// <summary>Another server holds the event folder's lock.</summary>
internal sealed class EventFolderLockedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventFolderLockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public EventFolderLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public EventFolderLockedException()
        : base("another Motion Server holds the event folder")
    {
    }
}
