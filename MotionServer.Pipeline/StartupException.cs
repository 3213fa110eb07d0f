namespace MotionServer.Pipeline;

/// <summary>The server cannot start: bad settings, a bad roster, a locked or unwritable event folder.</summary>
public sealed class StartupException : Exception
{
    /// <summary>Creates the exception from every problem found.</summary>
    public StartupException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with one problem.</summary>
    public StartupException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates an empty exception.</summary>
    public StartupException()
        : this("the server cannot start")
    {
    }

    /// <summary>Every problem, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
