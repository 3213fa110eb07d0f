using MotionServer.Pipeline.Files;

namespace MotionServer.Pipeline.Roster;

/// <summary>
/// The roster file of the event folder, re-read when its time stamp or length changes and has then stayed the
/// same for one more poll (a <see cref="PolledFile"/> that settles).
/// </summary>
internal sealed class FileRosterSource(string path, string displayName) : IRosterSource
{
    private readonly Lock _gate = new();

    // Editors and spreadsheets save in place (truncate, then write): read at once and the server may see an empty or
    // half-written roster - at best a false "is empty" error, at worst a roster missing rows, which would make a
    // device's tracks look like nobody's and the device "can be disconnected" while it owes them. So a change is read
    // only once the file has stayed the same since the previous poll (settle). Polls come from one loop.
    private readonly PolledFile _file = new(path, settle: true);
    private MotionRoster _current = MotionRoster.Empty;
    private IReadOnlyList<RosterProblem> _problems = [];

    public MotionRoster Current
    {
        get { lock (_gate) { return _current; } }
    }

    public IReadOnlyList<RosterProblem> Problems
    {
        get { lock (_gate) { return _problems; } }
    }

    public void Load()
    {
        var poll = _file.Poll();
        var roster = RosterCsvReader.ReadFile(path, displayName);
        lock (_gate)
        {
            _current = roster;
            _problems = [];
        }

        _file.Accept(poll.Stamp);
    }

    public RosterRefresh Refresh()
    {
        var poll = _file.Poll();
        if (poll.Change == FileChange.Unchanged)
        {
            return RosterRefresh.Unchanged;
        }

        try
        {
            var roster = RosterCsvReader.ReadFile(path, displayName);
            lock (_gate)
            {
                _current = roster;
                _problems = [];
            }

            _file.Accept(poll.Stamp);
            return RosterRefresh.Replaced;
        }
        catch (RosterException e)
        {
            return Refused(e, poll.Stamp);
        }
    }

    private RosterRefresh Refused(RosterException e, FileStamp stamp)
    {
        // A bad row stays bad until the file changes; a file that could not be read (locked by a spreadsheet, no
        // permission) can become readable without its time or length changing: not accepted, so tried at the next poll.
        if (!e.Unreadable)
        {
            _file.Accept(stamp);
        }

        lock (_gate)
        {
            bool saidAlready = e.Unreadable && SameProblems(_problems, e.Problems);
            _problems = e.Problems;
            return saidAlready ? RosterRefresh.Unchanged : RosterRefresh.Refused;
        }
    }

    private static bool SameProblems(IReadOnlyList<RosterProblem> said, IReadOnlyList<RosterProblem> found) =>
        said.Count > 0 && said.SequenceEqual(found);
}
