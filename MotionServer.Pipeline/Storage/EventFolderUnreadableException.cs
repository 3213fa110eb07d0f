namespace MotionServer.Pipeline.Storage;

/// <summary>
/// A file of the event folder that the start needs cannot be read or written: the message names it and says what to
/// do. Storage sits below the entry's <see cref="StartupException"/>; the wiring turns this into one.
/// </summary>
internal sealed class EventFolderUnreadableException : Exception
{
    /// <summary>Creates the exception with its cause.</summary>
    public EventFolderUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with one problem.</summary>
    public EventFolderUnreadableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public EventFolderUnreadableException()
        : base("a file of the event folder cannot be read")
    {
    }
}
