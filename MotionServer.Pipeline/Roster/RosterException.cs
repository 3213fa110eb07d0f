namespace MotionServer.Pipeline.Roster;

/// <summary>
/// A roster that cannot be used; <see cref="Problems"/> names every problem found. Thrown by
/// <see cref="IRosterSource.Load"/>: the pipeline refuses to start, with a <see cref="StartupException"/> that names them.
/// </summary>
public sealed class RosterException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    /// <param name="problems">Every problem found.</param>
    /// <param name="unreadable">True when the file could not be read at all (missing, locked, no permission): its content is unknown.</param>
    internal RosterException(IReadOnlyList<RosterProblem> problems, bool unreadable)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
        Unreadable = unreadable;
    }

    /// <summary>Creates the exception from its problems (a roster whose content is known to be bad).</summary>
    /// <param name="problems">Every problem found.</param>
    public RosterException(IReadOnlyList<RosterProblem> problems)
        : this(problems, unreadable: false)
    {
    }

    /// <summary>Creates the exception with one message.</summary>
    public RosterException(string message)
        : base(message)
    {
        Problems = [new RosterProblem("roster", 0, message)];
    }

    /// <summary>Creates the exception with one message and its cause.</summary>
    public RosterException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new RosterProblem("roster", 0, message)];
    }

    /// <summary>Creates an empty exception (for serializers).</summary>
    public RosterException()
        : this("the roster is not valid")
    {
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RosterProblem> Problems { get; }

    /// <summary>
    /// True when the file could not be read at all (missing, locked by a spreadsheet, no permission): unlike a bad row,
    /// that can end without the file's time or length changing, so the file must be tried again.
    /// </summary>
    public bool Unreadable { get; }
}
