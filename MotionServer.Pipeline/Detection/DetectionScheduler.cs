using System.Collections.Concurrent;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// Detection's schedule. There are no rounds: each device is due one Detection:Interval after its own last look
/// ended, so one slow name or one silent address never pushes back another device's next look (the idea of YARP's
/// EntityActionScheduler). Up to Detection:Lookups looks run at once, each on its own, outside the Dataflow stages:
/// a device found is sent to the detection stage, whose input takes it at once (nothing after detection pushes back
/// on it); a device not found is due again one interval later. The loop sleeps until the next device is due, until a
/// look frees a slot that a due device waits for, or until a retry hands a device back; it runs at least once an
/// interval (roster re-read, devices back from the graph).
/// <para>
/// Riders come off the water together: when a device arrives (found after a look that missed it), every device still
/// absent is looked for every Detection:ArrivalInterval instead, until Detection:ArrivalWindow has passed without
/// another arrival. A quiet beach costs what it did; the last rider of a crowd waits about a second to be found, not
/// half an interval. Interval stays the longest any device waits for its next look.
/// </para>
/// </summary>
internal sealed partial class DetectionScheduler
{
    private readonly FleetState _fleet;
    private readonly DetectionLook _look;
    private readonly DetectionStage _stage;
    private readonly Func<DeviceWork, CancellationToken, Task<bool>> _found;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _arrivalInterval;
    private readonly TimeSpan _arrivalWindow;
    private readonly TimeSpan _coalesce;
    private readonly int _maxLooks;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action _everyInterval;

    // When each device not in the graph is next due; a device missing from it is due at once.
    private readonly ConcurrentDictionary<int, DateTimeOffset> _due = new();
    private readonly TaskCompletionSource _looksEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stopping;
    private int _looking;
    private long _arrivalPaceUntil; // UTC ticks: absent devices are looked for every ArrivalInterval until then
    private volatile bool _starved;
    private Task _running = Task.CompletedTask;

    /// <param name="fleet">Whose devices are looked for, and their claims.</param>
    /// <param name="look">One look: name, then TCP connect.</param>
    /// <param name="stage">Records what a look did not find.</param>
    /// <param name="found">Hands a found device (its address set) to the detection stage; false when the stage takes no more.</param>
    /// <param name="options">Interval, the arrival pace (ArrivalInterval, ArrivalWindow) and Lookups.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where a failed pass is reported.</param>
    /// <param name="everyInterval">Runs before claiming, at most once an interval (the roster re-read).</param>
    public DetectionScheduler(FleetState fleet, DetectionLook look, DetectionStage stage, Func<DeviceWork, CancellationToken, Task<bool>> found,
        DetectionOptions options, TimeProvider time, ILogger logger, Action? everyInterval = null)
    {
        _fleet = fleet;
        _look = look;
        _stage = stage;
        _found = found;
        _interval = options.Interval;
        _arrivalInterval = options.ArrivalInterval;
        _arrivalWindow = options.ArrivalWindow;
        _maxLooks = options.Lookups;
        _time = time;
        _logger = logger;
        _everyInterval = everyInterval ?? (() => { });

        // Looks falling due close together start together: a few wake-ups an interval, not one per device.
        _coalesce = options.Interval / 20;
    }

    /// <summary>Completes when the loop has ended after the stopping token was cancelled and every look has ended.</summary>
    public Task Completion => _running;

    /// <summary>Raised when a look at a device has ended and the device is due again or handed to the detection stage (for tests).</summary>
    internal event Action<int>? LookEnded;

    /// <summary>Looks in progress (for tests).</summary>
    internal int Looking => Volatile.Read(ref _looking);

    public void Start(CancellationToken stopping)
    {
        _stopping = stopping;
        _running = RunAsync(stopping);
    }

    /// <summary>A device back from the retry path (its backoff waited out): released, and due at once.</summary>
    public void Return(int deviceId)
    {
        _due.TryRemove(deviceId, out _);
        _fleet.Release(deviceId);
        Wake();
    }

    /// <summary>When the device is next due.</summary>
    internal DateTimeOffset DueOf(int deviceId) => _due.TryGetValue(deviceId, out var due) ? due : DateTimeOffset.MinValue;

    private async Task RunAsync(CancellationToken stopping)
    {
        await Task.Yield();
        var lastRun = DateTimeOffset.MinValue;
        var lastEveryInterval = DateTimeOffset.MinValue;
        while (!stopping.IsCancellationRequested)
        {
            var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _wake, wake); // a wake from now on reaches this wait
            var now = _time.GetUtcNow();
            lastRun = now;
            try
            {
                if (now - lastEveryInterval >= _interval)
                {
                    lastEveryInterval = now;
                    _everyInterval();
                }

                ClaimAndLook(stopping);
            }
#pragma warning disable CA1031 // the schedule must survive anything a pass throws
            catch (Exception e)
#pragma warning restore CA1031
            {
                PassFailed(_logger, e.GetType().Name, e.Message);
            }

            var next = NextPass(now, lastEveryInterval + _interval);
            try
            {
                if (next > now)
                {
                    using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                    var delay = Task.Delay(next - now, _time, sleep.Token);
                    await Task.WhenAny(delay, wake.Task).ConfigureAwait(false);
                    await sleep.CancelAsync().ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (Interlocked.CompareExchange(ref _looking, 0, 0) == 0)
        {
            _looksEnded.TrySetResult();
        }

        await _looksEnded.Task.ConfigureAwait(false);
    }

    private void ClaimAndLook(CancellationToken stopping)
    {
        int free = _maxLooks - Volatile.Read(ref _looking);
        if (free <= 0)
        {
            _starved = true;
            return;
        }

        var claimed = _fleet.ClaimForDetection(DueOf, free);
        _starved = claimed.Count == free; // maybe more were due than slots: wake when a look ends
        foreach (int id in claimed)
        {
            // Only devices waiting for their next look are in the schedule, and those are the ones a look missed: one
            // found now has arrived. Not so a device looked for the first time, or back from the retry path.
            bool missedBefore = _due.TryRemove(id, out _);
            Interlocked.Increment(ref _looking);
            _ = LookAsync(new DeviceWork(id, _fleet.HostnameOf(id)), missedBefore, stopping);
        }
    }

    /// <summary>The next pass: when the next known device falls due (coalesced), at the latest one interval after the last roster re-read.</summary>
    private DateTimeOffset NextPass(DateTimeOffset now, DateTimeOffset latest)
    {
        var next = latest;
        foreach (var due in _due.Values)
        {
            // A device already due and not claimed waits for a slot (a look ending wakes the loop) or is not
            // detection's now (it left the roster, or is in the graph): the next pass picks it up.
            if (due > now && due < next)
            {
                next = due;
            }
        }

        var earliest = now + _coalesce;
        return next < earliest && next > now ? earliest : next;
    }

    private async Task LookAsync(DeviceWork work, bool missedBefore, CancellationToken stopping)
    {
        // No yield first: a look that needs no waiting (a name the hosts file answers with the router's catch-all
        // address) ends here, inside the pass, without a thread-pool hop; the others go on their own at their first wait.
        bool handedOver = false;
        try
        {
            var address = await _look.LookAsync(work.Hostname, stopping).ConfigureAwait(false);
            if (address is null)
            {
                _stage.NotFound(work);
            }
            else
            {
                _due.TryRemove(work.DeviceId, out _); // back from the graph, it is due at once
                if (missedBefore)
                {
                    Arrived();
                }

                handedOver = await _found(work with { Address = address }, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the device is released below.
        }
#pragma warning disable CA1031 // a look never throws: the device would stay claimed and never be looked for again
        catch (Exception e)
#pragma warning restore CA1031
        {
            _stage.LookFailed(work, e);
        }
        finally
        {
            if (!handedOver)
            {
                // Due before released: the next pass never sees it free with a stale due time.
                var now = _time.GetUtcNow();
                _due[work.DeviceId] = now + PaceAt(now);
                _fleet.Release(work.DeviceId);
            }

            LookEnded?.Invoke(work.DeviceId);
            if (Interlocked.Decrement(ref _looking) == 0 && _stopping.IsCancellationRequested)
            {
                _looksEnded.TrySetResult();
            }
            else if (_starved)
            {
                Wake();
            }
        }
    }

    /// <summary>How long a device not found now waits for its next look: Interval, or ArrivalInterval while riders arrive.</summary>
    private TimeSpan PaceAt(DateTimeOffset now) =>
        now.UtcTicks < Interlocked.Read(ref _arrivalPaceUntil) ? _arrivalInterval : _interval;

    /// <summary>
    /// A device arrived: for ArrivalWindow from now, devices not found are due again ArrivalInterval after their look,
    /// and those already waiting longer are brought forward to that.
    /// </summary>
    private void Arrived()
    {
        if (_arrivalInterval <= TimeSpan.Zero || _arrivalWindow <= TimeSpan.Zero || _arrivalInterval >= _interval)
        {
            return;
        }

        var now = _time.GetUtcNow();
        Interlocked.Exchange(ref _arrivalPaceUntil, (now + _arrivalWindow).UtcTicks);
        var soon = now + _arrivalInterval;
        foreach (var (id, due) in _due)
        {
            if (due > soon)
            {
                _due.TryUpdate(id, soon, due);
            }
        }

        Wake();
    }

    private void Wake() => Volatile.Read(ref _wake).TrySetResult();
}
