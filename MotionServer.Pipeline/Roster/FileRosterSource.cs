namespace MotionServer.Pipeline.Roster;

/// <summary>
/// The roster file of the event folder, re-read when its time stamp or length changes and has then stayed the
/// same for one more poll. Polled (not watched) because file-system notifications are unreliable on network and
/// synced folders, and polling is cheap.
/// </summary>
internal sealed class FileRosterSource(string path, string displayName) : IRosterSource
{
    private readonly Lock _gate = new();
    private MotionRoster _current = MotionRoster.Empty;
    private IReadOnlyList<RosterProblem> _problems = [];
    private (DateTime WriteTime, long Length) _stamp;
    private (DateTime WriteTime, long Length)? _settling;

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
        var stamp = ReadStamp();
        var roster = RosterCsvReader.ReadFile(path, displayName);
        lock (_gate)
        {
            _current = roster;
            _stamp = stamp;
            _problems = [];
        }
    }

    public RosterRefresh Refresh()
    {
        var stamp = ReadStamp();
        lock (_gate)
        {
            if (stamp == _stamp)
            {
                _settling = null;
                return RosterRefresh.Unchanged;
            }

            // Editors and spreadsheets save in place (truncate, then write): read at once and the server may see an
            // empty or half-written roster — at best a false "is empty" error, at worst a roster missing rows, which
            // would make a device's tracks look like nobody's and the device "can be disconnected" while it owes them.
            // So a change is read only once the file has stayed the same since the previous poll.
            if (_settling != stamp)
            {
                _settling = stamp;
                return RosterRefresh.Unchanged;
            }

            _settling = null;
        }

        try
        {
            var roster = RosterCsvReader.ReadFile(path, displayName);
            lock (_gate)
            {
                _current = roster;
                _stamp = stamp;
                _problems = [];
            }

            return RosterRefresh.Replaced;
        }
        catch (RosterException e)
        {
            lock (_gate)
            {
                // A bad row stays bad until the file changes; a file that could not be read (locked by a spreadsheet,
                // no permission) can become readable without its time or length changing: try it again next time.
                bool saidAlready = e.Unreadable && SameProblems(_problems, e.Problems);
                _stamp = e.Unreadable ? default : stamp;
                _problems = e.Problems;
                return saidAlready ? RosterRefresh.Unchanged : RosterRefresh.Refused;
            }
        }
    }

    private static bool SameProblems(IReadOnlyList<RosterProblem> said, IReadOnlyList<RosterProblem> found) =>
        said.Count > 0 && said.SequenceEqual(found);

    private (DateTime, long) ReadStamp()
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1);
        }
        catch (IOException)
        {
            return (DateTime.MinValue, -1);
        }
        catch (UnauthorizedAccessException)
        {
            return (DateTime.MinValue, -1);
        }
    }
}
