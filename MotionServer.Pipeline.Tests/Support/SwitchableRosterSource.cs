using MotionServer.Pipeline.Roster;

namespace MotionServer.Pipeline.Tests.Support;

/// <summary>A roster the test replaces while the pipeline runs, as an edited motions.csv would be (read at the next sweep).</summary>
internal sealed class SwitchableRosterSource(MotionRoster first) : IRosterSource
{
    private MotionRoster? _next;

    public MotionRoster Current { get; private set; } = first;

    public IReadOnlyList<RosterProblem> Problems => [];

    public void Switch(MotionRoster next) => Volatile.Write(ref _next, next);

    public void Load()
    {
    }

    public RosterRefresh Refresh()
    {
        if (Interlocked.Exchange(ref _next, null) is not { } next)
        {
            return RosterRefresh.Unchanged;
        }

        Current = next;
        return RosterRefresh.Replaced;
    }
}
