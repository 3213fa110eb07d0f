namespace MotionServer.Pipeline.Roster;

/// <summary>
/// The roster file of the event folder, re-read when its time stamp or length changes. Polled (not watched)
/// because file-system notifications are unreliable on network and synced folders, and polling is cheap.
/// </summary>
internal sealed class FileRosterSource(string path, string displayName) : IRosterSource
{
    private readonly Lock _gate = new();
    private MotionRoster _current = MotionRoster.Empty;
    private IReadOnlyList<RosterProblem> _problems = [];
    private (DateTime WriteTime, long Length) _stamp;

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
                return RosterRefresh.Unchanged;
            }
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
                _stamp = stamp;
                _problems = e.Problems;
            }

            return RosterRefresh.Refused;
        }
    }

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
