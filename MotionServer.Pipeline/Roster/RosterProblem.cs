namespace MotionServer.Pipeline.Roster;

/// <summary>One thing wrong with the roster, located in its file.</summary>
/// <param name="File">The roster file (or "roster" when given in code).</param>
/// <param name="Line">The 1-based line, or 0 when the whole file is concerned.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record RosterProblem(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File} line {Line}: {Message}" : $"{File}: {Message}";
}
