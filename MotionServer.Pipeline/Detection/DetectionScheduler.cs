using System.Threading.Channels;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Detection's schedule. There are no rounds: each device is due one Detection:Interval after its own last look
/// ended (or Detection:ArrivalInterval while riders arrive: <see cref="ArrivalPace"/>), so one slow name or one silent
/// address never pushes back another device's next look (the idea of YARP's EntityActionScheduler).
/// <para>
/// One loop owns the schedule: the due times (<see cref="DueTimes"/>), the pace and the count of looks running. It
/// runs a pass — re-read the roster once an interval, claim the devices due, start their looks — then sleeps until
/// the next device falls due or the next re-read, or until it hears from a look or the retry path through its
/// channel. Up to Detection:Lookups looks run at once, each on its own (<see cref="ScheduledLook"/>), so detection
/// never waits for inspection or download; at most Detection:LookupsPerSecond start in any second
/// (<see cref="LookupBudget"/>). When that rations them, the looks the arrival pace brought forward for devices never
/// found by this run give way to the others: a look at its regular time, and one at a device that was here and left
/// (a rider out on the water, the likeliest to come back). Every time is on the monotonic <see cref="ScheduleClock"/>: a wall clock
/// set back an hour stops nothing for an hour, one set forward brings no look forward.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The sleep's timer is disposed by its only user, the schedule's loop (ScheduleLoop.RunAsync), when the loop ends.")]
internal sealed partial class DetectionScheduler : IScheduleSteps
{
    private readonly FleetState _fleet;
    private readonly ScheduleClock _clock;
    private readonly ScheduledLook _look;
    private readonly ArrivalPace _pace;
    private readonly DueTimes _due = new();
    private readonly LookupBudget _budget;
    private readonly HashSet<int> _seen = []; // devices this run found: absent again, they are plausibly about to arrive
    private readonly Channel<ScheduleEvent> _events = Channel.CreateUnbounded<ScheduleEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ScheduleSleep _sleep;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _coalesce;
    private readonly int _maxLooks;
    private readonly ILogger _logger;
    private readonly Action _everyInterval;

    private int _looking; // looks started and not yet heard to end: written by the loop only
    private bool _starved; // the last pass may have left due devices for want of a free look
    private TimeSpan? _rationedUntil; // the last pass may have left due devices for want of budget: when it frees
    private TimeSpan _rereadDue; // the next roster re-read (at once, first)
    private TimeSpan _lastPass = TimeSpan.MinValue;
    private TimeSpan _earliestPass;
    private Task _running = Task.CompletedTask;

    /// <param name="fleet">Whose devices are looked for, and their claims.</param>
    /// <param name="look">One look: name, then TCP connect.</param>
    /// <param name="stage">Records what a look did not find.</param>
    /// <param name="found">Hands a found device (its address set) to the detection stage; false when the stage takes no more.</param>
    /// <param name="options">Interval, the arrival pace (ArrivalInterval, ArrivalWindow), Lookups and LookupsPerSecond.</param>
    /// <param name="time">The clock (its monotonic time and timers; its wall time only to show due times).</param>
    /// <param name="logger">Where a failed pass is reported.</param>
    /// <param name="everyInterval">Runs before claiming, at most once an interval (the roster re-read).</param>
    public DetectionScheduler(FleetState fleet, DetectionLook look, DetectionStage stage, Func<DeviceWork, CancellationToken, Task<bool>> found,
        DetectionOptions options, TimeProvider time, ILogger logger, Action? everyInterval = null)
    {
        _fleet = fleet;
        _clock = new ScheduleClock(time);
        _sleep = new ScheduleSleep(time);
        _look = new ScheduledLook(look, stage, found, _clock, heard => Hear(heard));
        _pace = new ArrivalPace(options);
        _budget = new LookupBudget(options.LookupsPerSecond);
        _interval = options.Interval;
        _maxLooks = options.Lookups;
        _logger = logger;
        _everyInterval = everyInterval ?? (() => { });

        // Looks falling due close together start together: a few wake-ups an interval, not one per device.
        _coalesce = options.Interval / 20;
    }

    /// <summary>Completes when the loop has ended after the stopping token was cancelled and every look has ended.</summary>
    public Task Completion => _running;

    /// <summary>Raised on the loop when a look at a device has ended and the device is due again or handed to the detection stage (for tests).</summary>
    internal event Action<int>? LookEnded;

    /// <summary>Looks in progress (for tests).</summary>
    internal int Looking => Volatile.Read(ref _looking);

    public void Start(CancellationToken stopping) => _running = RunAsync(stopping);

    /// <summary>A device back from the retry path (its backoff waited out): released, and due at once.</summary>
    public void Return(int deviceId)
    {
        if (!Hear(new ScheduleEvent(ScheduleEventKind.Returned, deviceId, _clock.Now)))
        {
            _fleet.Release(deviceId); // the loop has ended: nobody will look for it in this run
        }
    }

    /// <summary>When the device is next due, as the wall clock reads now (for people and tests); MinValue: at once.</summary>
    internal DateTimeOffset DueOf(int deviceId) => _due.TryGet(deviceId, out var at) ? _clock.ToWallTime(at) : DateTimeOffset.MinValue;

    /// <summary>Tells the loop (from a look or the retry path) and wakes it; false once the loop has ended.</summary>
    private bool Hear(ScheduleEvent heard)
    {
        if (!_events.Writer.TryWrite(heard))
        {
            return false;
        }

        _sleep.Wake();
        return true;
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        await ScheduleLoop.RunAsync(this, _sleep, stopping).ConfigureAwait(false);
        await EndLooksAsync().ConfigureAwait(false);
    }

    TimeSpan IScheduleSteps.Now => _clock.Now;

    bool IScheduleSteps.Apply() => Apply();

    TimeSpan IScheduleSteps.NextPass() => NextPass();

    void IScheduleSteps.Pass(TimeSpan now, CancellationToken stopping) => Pass(now, stopping);

    Task IScheduleSteps.SleepAsync(TimeSpan delay) => _sleep.UntilDueOrWokenAsync(delay);


    /// <summary>
    /// The next pass: when the first device falls due that the last pass did not see due, at the latest at the next
    /// roster re-read, never sooner than the coalescing allows. A device the last pass saw due and did not claim
    /// waits for a free look (a look ending calls for a pass) or is not detection's now (it left the roster, or is
    /// in the graph): a later pass picks it up.
    /// </summary>
    private TimeSpan NextPass()
    {
        var next = _due.NextAfter(_lastPass) is { } due && due < _rereadDue ? due : _rereadDue;
        if (_rationedUntil is { } budgetFrees && budgetFrees < next)
        {
            next = budgetFrees;
        }

        return next > _earliestPass ? next : _earliestPass;
    }

    private void Pass(TimeSpan now, CancellationToken stopping)
    {
        try
        {
            if (now >= _rereadDue)
            {
                _rereadDue = now + _interval;
                _everyInterval();
            }

            ClaimAndLook(now, stopping);
        }
#pragma warning disable CA1031 // the schedule must survive anything a pass throws
        catch (Exception e)
#pragma warning restore CA1031
        {
            PassFailed(_logger, e.GetType().Name, e.Message);
        }

        _lastPass = now;
        _earliestPass = now + _coalesce;
    }

    private void ClaimAndLook(TimeSpan now, CancellationToken stopping)
    {
        int free = _maxLooks - _looking;
        int allowed = _budget.Available(now);
        _starved = free <= 0;
        _rationedUntil = allowed <= 0 ? _budget.NextFree(now) : null;
        if (_starved || _rationedUntil is not null)
        {
            return;
        }

        // Looks falling due within the coalescing time start with this pass, a little early rather than late, so the
        // devices looked at together stay together. Claiming only those already due split a group at every interval
        // (the one whose last look ended first went alone, the rest a coalescing time later), until after some
        // minutes every coalescing step had a pass of its own: 4 wake-ups a second at rest instead of a few an interval.
        int max = Math.Min(free, allowed);
        var until = now + _coalesce;
        var claimed = _fleet.ClaimForDetection(id => _due.ClaimOrder(id, until, _seen.Contains(id)), max);
        _budget.Spend(claimed.Count, now);

        // Maybe more were due than could start: a look ending calls for a pass (free looks), or the budget freeing.
        _starved = claimed.Count == free;
        _rationedUntil = claimed.Count == allowed ? _budget.NextFree(now) : null;
        foreach (int id in claimed)
        {
            // Only devices waiting for their next look have a due time, and those are the ones a look missed: one
            // found now has arrived. Not so a device looked for the first time, or back from the retry path.
            bool missedBefore = _due.Remove(id);
            Volatile.Write(ref _looking, _looking + 1);
            _ = _look.RunAsync(new DeviceWork(id, _fleet.HostnameOf(id)), missedBefore, stopping);
        }
    }

    /// <summary>Takes in everything heard since the last time; true when a pass is called for at once.</summary>
    private bool Apply()
    {
        bool passNow = false;
        while (_events.Reader.TryRead(out var heard))
        {
            passNow |= Apply(heard);
        }

        return passNow;
    }

    private bool Apply(ScheduleEvent heard)
    {
        switch (heard.Kind)
        {
            case ScheduleEventKind.Arrived:
                if (_pace.Arrived(heard.At) is { } soon)
                {
                    _due.BringForwardTo(soon);
                }

                return false;
            case ScheduleEventKind.Returned:
                _due.Remove(heard.DeviceId);
                _fleet.Release(heard.DeviceId);
                return true;
            default:
                return LookEndedAt(heard);
        }
    }

    /// <summary>A look ended: a device not handed over is due again, then released (never free with a stale due time).</summary>
    private bool LookEndedAt(ScheduleEvent heard)
    {
        if (heard.Kind == ScheduleEventKind.Missed)
        {
            _due.Set(heard.DeviceId, heard.At + _pace.WaitAfterMiss(heard.At), heard.At + _interval);
            _fleet.Release(heard.DeviceId);
        }
        else
        {
            _seen.Add(heard.DeviceId); // handed over: found
        }

        Volatile.Write(ref _looking, _looking - 1);
        LookEnded?.Invoke(heard.DeviceId);
        return _starved; // a look is free for a device that waited for one
    }

    /// <summary>Stopping: waits for every look to end (each sees the stopping token), then closes the channel.</summary>
    private async Task EndLooksAsync()
    {
        while (_looking > 0 && await _events.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            Apply();
        }

        _events.Writer.TryComplete();
        Apply(); // returns heard before the channel closed; later ones are released by Return itself
    }
}
