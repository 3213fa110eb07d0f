using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Roster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MotionServer.Pipeline.State;

/// <summary>
/// The one owner of every device's state and of the history list: a façade that holds the lock and delegates. What the
/// fleet is made of is the <see cref="FleetBook"/>; who owns which device, the <see cref="FleetClaims"/>; which status
/// follows which, the <see cref="MotionStatusMachine"/>; the snapshots, the <see cref="FleetReadModel"/>. One lock guards
/// it all: the fleet is ~130 devices and each change is a few field writes, so contention is negligible and reasoning
/// stays simple. Status-change events are raised after the lock is released.
/// </summary>
internal sealed partial class FleetState : IMotionFleet
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly FleetBook _book;
    private readonly FleetClaims _claims;
    private readonly FleetReadModel _read;
    private readonly StatusChangeSubscribers _subscribers;

    /// <param name="time">The clock: wall time for what people read, timestamps for pacing.</param>
    /// <param name="hostnameFor">A device's host name from its id.</param>
    /// <param name="eventDirectory">The event folder, as an absolute path.</param>
    /// <param name="events">Where the fleet's loggers keep the recent events (<see cref="FleetLog"/>); a list of its own when null.</param>
    /// <param name="notices">Where the notices shown with every snapshot come from; none when null.</param>
    /// <param name="subscriberLogger">Where a failing <see cref="StatusChanged"/> subscriber is reported (the pipeline's logger).</param>
    public FleetState(TimeProvider time, Func<int, string> hostnameFor, string eventDirectory,
        RecentEvents? events = null, INoticeBoard? notices = null, ILogger? subscriberLogger = null)
    {
        _time = time;
        EventDirectory = eventDirectory;
        Events = events ?? new RecentEvents(time);
        _book = new FleetBook(hostnameFor);
        _claims = new FleetClaims(_book);
        _read = new FleetReadModel(time, eventDirectory, Events, notices);
        _subscribers = new StatusChangeSubscribers(subscriberLogger ?? NullLogger.Instance, HostnameOf);
    }

    public event EventHandler<MotionStatusChange>? StatusChanged;

    public string EventDirectory { get; }

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The recent events the fleet's loggers keep for the dashboards.</summary>
    public RecentEvents Events { get; }

    /// <summary>
    /// Puts a roster in force: its devices join (waiting, with the last seen / last completed times they had before they
    /// left the roster); devices no longer on it leave unless busy, their times kept. A device whose rows changed is
    /// planned again (<see cref="RosterReplan"/>): a track that becomes the event's is owed from now on.
    /// </summary>
    public void ApplyRoster(MotionRoster roster)
    {
        List<MotionStatusChange> changes;
        lock (_gate)
        {
            changes = _book.ApplyRoster(roster, Now);
        }

        changes.ForEach(Announce);
    }

    public MotionRoster Roster => UnderLock(book => book.Roster);

    public void SetRosterProblems(IReadOnlyList<string> problems) => UnderLock(book => { book.RosterProblems = problems; });

    /// <summary>Restores the history list and last times saved by an earlier run.</summary>
    public void Restore(HistoryRecord record) => UnderLock(book => book.Restore(record));

    /// <summary>What must survive a restart.</summary>
    public HistoryRecord ExportHistory() => UnderLock(book => book.ExportHistory());

    public string HostnameOf(int id) => UnderLock(book => book.HostnameOf(id));

    public int? IdOf(string hostname) => UnderLock(book => book.IdOf(hostname));

    public int FailedAttemptsOf(int id) => UnderLock(book => book.Find(id)?.FailedAttempts ?? 0);

    public MotionStatus? StatusOf(int id) => UnderLock(book => book.Find(id)?.Status);

    /// <summary>How long a failed device must still wait before detection tries it again (zero when it need not).</summary>
    public TimeSpan RetryWaitOf(int id)
    {
        long notBefore = UnderLock(book => book.Find(id)?.NotBefore ?? 0);
        long now = _time.GetTimestamp();
        return notBefore <= now ? TimeSpan.Zero : _time.GetElapsedTime(now, notBefore);
    }

    /// <summary>When a failed device may be tried again, as a wall time for people to read (<see cref="RetryWaitOf"/> decides).</summary>
    public DateTimeOffset NotBeforeOf(int id) => Now + RetryWaitOf(id);

    public void AddEvent(LogLevel level, int? deviceId, string message) => Events.Add(level, deviceId, message);

    /// <summary>Tells the subscribers of <paramref name="change"/>, if any: never under the lock.</summary>
    private void Announce(MotionStatusChange? change)
    {
        if (change is not null)
        {
            _subscribers.Raise(this, StatusChanged, change);
        }
    }

    /// <summary>Runs <paramref name="work"/> on the fleet's book under the lock, and returns what it found.</summary>
    private T UnderLock<T>(Func<FleetBook, T> work)
    {
        lock (_gate)
        {
            return work(_book);
        }
    }

    /// <summary>Runs <paramref name="work"/> on the fleet's book under the lock.</summary>
    private void UnderLock(Action<FleetBook> work)
    {
        lock (_gate)
        {
            work(_book);
        }
    }
}
