using System.Threading.Channels;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Disconnection;

/// <summary>
/// The presence probe's schedule. There are no rounds: each completed device is probed one Disconnection:Interval
/// after its own last probe ended, so a wave of silent departures (each probe waiting out ConnectTimeout) delays no
/// other device's probe, and a departure is noticed within Interval + ConnectTimeout however many leave at once, as
/// long as Disconnection:Workers probes may run at once (each is only a socket waiting for its connect).
/// <para>
/// One loop owns the schedule: the due times (<see cref="ProbeDueTimes"/>) and the count of probes running. A pass
/// claims the completed devices due and starts their probes, each on its own; then the loop sleeps until the next
/// device falls due, or a probe ends while devices wait for a free one, or at the latest one interval after the last
/// sweep, which finds devices newly completed. Every time is on the monotonic clock
/// (<see cref="TimeProvider.GetTimestamp"/>): a wall clock set back or forward neither stops nor hurries a probe.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The sleep's timer is disposed by its only user, the schedule's loop (ScheduleLoop.RunAsync), when the loop ends.")]
internal sealed partial class PresenceScheduler : IScheduleSteps
{
    private const long Awake = long.MinValue;

    private readonly FleetState _fleet;
    private readonly DisconnectionStage _stage;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly ProbeDueTimes _due = new();
    private readonly Channel<ProbeEnded> _ended = Channel.CreateUnbounded<ProbeEnded>(); // not SingleReader: that one cannot count (IsSettled)
    private readonly ScheduleSleep _sleep;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _early;
    private readonly int _maxProbes;
    private readonly ILogger _logger;

    private int _probing; // probes started and not yet heard to end: written by the loop only
    private long _sleepingUntil = Awake; // ticks of the schedule's clock while the loop sleeps (for tests)
    private bool _starved; // the last pass may have left due devices for want of a free probe
    private TimeSpan _sweepDue; // the next pass that looks at every completed device (at once, first)
    private TimeSpan _claimedUntil = TimeSpan.MinValue; // the last pass claimed every device due up to this moment
    private Task _running = Task.CompletedTask;

    /// <param name="fleet">Whose completed devices are probed, and their claims.</param>
    /// <param name="stage">One probe, and what its answer means.</param>
    /// <param name="options">Interval and Workers (the probes that may run at once).</param>
    /// <param name="time">The clock (its monotonic time and timers).</param>
    /// <param name="logger">Where a failed pass, and a cap too low for the roster, are reported.</param>
    public PresenceScheduler(FleetState fleet, DisconnectionStage stage, DisconnectionOptions options, TimeProvider time, ILogger logger)
    {
        _fleet = fleet;
        _stage = stage;
        _time = time;
        _origin = time.GetTimestamp();
        _sleep = new ScheduleSleep(time);
        _interval = options.Interval;
        _maxProbes = options.Workers;
        _logger = logger;

        // A pass also starts the probes falling due soon after it, a little early rather than late: a few wake-ups an
        // interval, not one per device, and never a probe later than its due time.
        _early = options.Interval / 20;
    }

    /// <summary>Completes when the loop has ended after the stopping token was cancelled and every probe has ended.</summary>
    public Task Completion => _running;

    /// <summary>Raised on the loop when a probe of a device has ended and the device is released (for tests).</summary>
    internal event Action<int>? ProbeEndedFor;

    /// <summary>Probes in progress (for tests).</summary>
    internal int Probing => Volatile.Read(ref _probing);

    /// <summary>
    /// True while the loop sleeps with nothing to hear and its wake-up still to come: whatever was due has been done
    /// (for tests on a fake clock, before they move it again).
    /// </summary>
    internal bool IsSettled => Volatile.Read(ref _sleepingUntil) > Now.Ticks && _ended.Reader.Count == 0;

    private TimeSpan Now => _time.GetElapsedTime(_origin);

    public void Start(CancellationToken stopping)
    {
        int rosterSize = _fleet.Roster.DeviceIds.Count;
        if (_maxProbes < rosterSize)
        {
            WorkersBelowRoster(_logger, _maxProbes, rosterSize);
        }

        _running = RunAsync(stopping);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        await ScheduleLoop.RunAsync(this, _sleep, stopping).ConfigureAwait(false);
        await EndProbesAsync().ConfigureAwait(false);
    }

    TimeSpan IScheduleSteps.Now => Now;

    bool IScheduleSteps.Apply() => Apply();

    TimeSpan IScheduleSteps.NextPass() => NextPass();

    void IScheduleSteps.Pass(TimeSpan now, CancellationToken stopping) => Pass(now, stopping);

    Task IScheduleSteps.SleepAsync(TimeSpan delay) => WaitAsync(delay);


    /// <summary>
    /// The next pass: when the first device falls due that the last pass did not claim, at the latest at the next
    /// sweep. A device the last pass saw due and did not claim waits for a free probe (a probe ending calls for a
    /// pass) or is not probed now (no longer completed): a sweep picks it up when it is again.
    /// </summary>
    private TimeSpan NextPass() =>
        _due.NextAfter(_claimedUntil) is { } due && due < _sweepDue ? due : _sweepDue;

    private void Pass(TimeSpan now, CancellationToken stopping)
    {
        var until = now + _early;
        try
        {
            if (now >= _sweepDue)
            {
                _sweepDue = now + _interval;
            }

            ClaimAndProbe(until, stopping);
        }
#pragma warning disable CA1031 // the schedule must survive anything a pass throws
        catch (Exception e)
#pragma warning restore CA1031
        {
            PassFailed(_logger, e.GetType().Name, e.Message);
        }

        _claimedUntil = until;
    }

    private void ClaimAndProbe(TimeSpan until, CancellationToken stopping)
    {
        int free = _maxProbes - _probing;
        _starved = free <= 0;
        if (_starved)
        {
            return;
        }

        var claimed = _fleet.ClaimForPresenceProbe(_due.Of, until, free);
        _starved = claimed.Count == free; // maybe more were due than free probes: a probe ending calls for a pass
        foreach (var (id, address) in claimed)
        {
            Volatile.Write(ref _probing, _probing + 1);
            _ = ProbeAsync(new DeviceWork(id, _fleet.HostnameOf(id), address), stopping);
        }
    }

    /// <summary>One probe, on its own; the loop hears when it ended. Never throws.</summary>
    private async Task ProbeAsync(DeviceWork work, CancellationToken stopping)
    {
        try
        {
            await _stage.ProbeAsync(work, stopping).ConfigureAwait(false);
        }
        finally
        {
            // The channel is unbounded and closes only once no probe is outstanding: this write is never refused.
            _ended.Writer.TryWrite(new ProbeEnded(work.DeviceId, Now));
            _sleep.Wake();
        }
    }

    /// <summary>Sleeps until <paramref name="delay"/> has passed, a probe ends, or stopping.</summary>
    private async Task WaitAsync(TimeSpan delay)
    {
        // Said asleep only once the timer is armed: a test that saw it asleep earlier could move its fake clock before
        // the timer took the delay from it, and the wake-up would come a step late.
        var sleeping = _sleep.UntilDueOrWokenAsync(delay);
        Volatile.Write(ref _sleepingUntil, (Now + delay).Ticks);
        await sleeping.ConfigureAwait(false);
        Volatile.Write(ref _sleepingUntil, Awake);
    }

    /// <summary>
    /// Takes in every probe that ended since the last time: the device is due again one interval after its probe ended,
    /// then released (never free with a stale due time). True when a pass is called for at once.
    /// </summary>
    private bool Apply()
    {
        bool passNow = false;
        while (_ended.Reader.TryRead(out var ended))
        {
            _due.Set(ended.DeviceId, ended.At + _interval);
            _fleet.Release(ended.DeviceId);
            Volatile.Write(ref _probing, _probing - 1);
            ProbeEndedFor?.Invoke(ended.DeviceId);
            passNow |= _starved; // a probe is free for a device that waited for one
        }

        return passNow;
    }

    /// <summary>Stopping: waits for every probe to end (each sees the stopping token), then closes the channel.</summary>
    private async Task EndProbesAsync()
    {
        while (_probing > 0 && await _ended.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            Apply();
        }

        _ended.Writer.TryComplete();
    }

    /// <summary>A probe ended: which device, when (on the schedule's clock).</summary>
    private readonly record struct ProbeEnded(int DeviceId, TimeSpan At);
}
