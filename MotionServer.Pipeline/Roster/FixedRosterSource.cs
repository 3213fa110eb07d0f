namespace MotionServer.Pipeline.Roster;

/// <summary>A roster given in code; it never changes.</summary>
internal sealed class FixedRosterSource(MotionRoster roster) : IRosterSource
{
    /// <inheritdoc />
    public MotionRoster Current { get; } = roster ?? throw new ArgumentNullException(nameof(roster));

    /// <inheritdoc />
    public IReadOnlyList<RosterProblem> Problems => [];

    /// <inheritdoc />
    public void Load()
    {
    }

    /// <inheritdoc />
    public RosterRefresh Refresh() => RosterRefresh.Unchanged;
}
