namespace MotionServer.Pipeline.Roster;

/// <summary>A roster that cannot be used; <see cref="Problems"/> names every problem found.</summary>
internal sealed class RosterException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    public RosterException(IReadOnlyList<RosterProblem> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
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
}
