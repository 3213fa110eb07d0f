using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MotionServer.Pipeline.Tests.Detection;

public sealed partial class DetectionSchedulerTests : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 12, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly SteppableClock _time = new(); // starts at T0; its wall clock can be stepped (DetectionSchedulerTests.ClockSteps.cs)
    private readonly ScriptedResolver _resolver;
    private readonly PipelineLifetime _lifetime = new();
    private readonly Channel<int> _ended = Channel.CreateUnbounded<int>();
    private readonly ConcurrentQueue<DeviceWork> _found = new();
    private FleetState? _fleet;
    private DetectionScheduler? _scheduler;
    private TimeSpan _arrivalInterval = TimeSpan.FromSeconds(1);
    private TimeSpan _arrivalWindow = TimeSpan.FromMinutes(1);
    private int _lookupsPerSecond = 200;
    private int _rosterRereads;

    public DetectionSchedulerTests() => _resolver = new ScriptedResolver(_time);

    [Fact]
    public async Task Start_LooksForEveryDeviceAtOnce()
    {
        Start(lookups: 256, 801, 802, 803);

        var names = new[] { await _resolver.NextCallAsync(), await _resolver.NextCallAsync(), await _resolver.NextCallAsync() };

        names.Select(c => c.Name).Should().BeEquivalentTo("motion-801", "motion-802", "motion-803");
        names.Should().OnlyContain(c => c.At == T0);
    }

    [Fact]
    public async Task NextLook_IsDueOneIntervalAfterTheLastLookEnded()
    {
        Start(lookups: 256, 801);
        (await _resolver.NextCallAsync()).At.Should().Be(T0);
        await LookEndedAsync(801);
        await SleepingUntilAsync(T0 + Interval); // moved before the schedule sleeps, the clock would leave it behind

        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await _resolver.NextCallAsync()).At.Should().Be(T0 + Interval);
    }

    [Fact]
    public async Task LooksEndingAMomentApart_StartTogetherAtTheNextInterval()
    {
        _resolver.Hang("motion-802");
        Start(lookups: 256, 801, 802);
        await LookEndedAsync(801); // missed at T0: due at T0 + 5 s
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _resolver.Release("motion-802");
        await LookEndedAsync(802); // missed 10 ms later: due at T0 + 5.01 s

        await SleepingUntilAsync(T0 + Interval);
        _time.Advance(T0 + Interval - _time.GetUtcNow());
        await LookEndedAsync(801, 802);

        // With the pass at T0 + 5 s, 10 ms early, not alone a coalescing time later: a group does not split.
        _resolver.All.Where(c => c.Name == "motion-802").Select(c => c.At).Should().Equal(T0, T0 + Interval);
        _scheduler!.DueOf(802).Should().Be(_scheduler.DueOf(801)).And.Be(T0 + (2 * Interval));
    }

    [Fact]
    public async Task NextLook_AfterASlowLook_IsDueOneIntervalAfterItEnded()
    {
        _resolver.Hang("motion-801");
        Start(lookups: 256, 801);
        (await _resolver.NextCallAsync()).At.Should().Be(T0);

        _time.Advance(TimeSpan.FromMilliseconds(500));
        _resolver.Release("motion-801"); // the lookup answers "not found" after 0.5 s
        await LookEndedAsync(801);
        // Moved before the schedule sleeps again, the clock would leave its timer behind: wait for the sleep armed after
        // the look ended (the one armed while the lookup hung is due at the same time).
        while (await _time.NextTimerAsync() is var timer && (timer.ArmedAt != T0 + TimeSpan.FromMilliseconds(500) || timer.DueAt != T0 + Interval))
        {
        }

        _time.Advance(Interval - TimeSpan.FromMilliseconds(500)); // T0 + 5 s: the schedule's every-interval pass, not the device's look
        await SleepingUntilAsync(T0 + TimeSpan.FromMilliseconds(500) + Interval);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await _resolver.NextCallAsync()).At.Should().Be(T0 + TimeSpan.FromMilliseconds(500) + Interval);
    }

    [Fact]
    public async Task ALookupThatNeverReturns_PushesBackNoOtherDevicesLooks_AndIsNotStartedAgain()
    {
        _resolver.Hang("motion-801");
        Start(lookups: 256, 801, 802);
        await _resolver.NextCallAsync();
        await _resolver.NextCallAsync();
        await LookEndedAsync(802);

        var looksAt802 = new List<DateTimeOffset>();
        for (int second = 1; second <= 15; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            if (second % 5 == 1)
            {
                await LookEndedAsync(801); // timed out after 1 s, then not found at once while its lookup is outstanding
            }

            if (second % 5 == 0)
            {
                var call = await _resolver.NextCallAsync();
                call.Name.Should().Be("motion-802");
                looksAt802.Add(call.At);
                await LookEndedAsync(802);
            }
        }

        looksAt802.Should().Equal(T0 + Interval, T0 + (2 * Interval), T0 + (3 * Interval));
        _resolver.CallsFor("motion-801").Should().Be(1, "a name has at most one lookup outstanding");
    }

    [Fact]
    public async Task LooksAtOnce_AreAtMostLookups_AndAFreedSlotIsUsedAtOnce()
    {
        foreach (int id in new[] { 801, 802, 803 })
        {
            _resolver.Hang($"motion-{id}");
        }

        Start(lookups: 2, 801, 802, 803);
        var first = await _resolver.NextCallAsync();
        await _resolver.NextCallAsync();
        _scheduler!.Looking.Should().Be(2);

        _resolver.Release(first.Name);

        var third = await _resolver.NextCallAsync();
        third.At.Should().Be(T0, "a look that ends wakes the schedule for a device that waited for a slot");
        _resolver.All.Should().HaveCount(3);
        _resolver.All.Select(c => c.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task AFoundDevice_IsHandedToTheDetectionStage_AndNotLookedForWhileInTheGraph()
    {
        _resolver.Answer("motion-801", IPAddress.Loopback);
        Start(lookups: 256, 801, 802);
        await LookEndedAsync(801, 802);

        _found.Should().ContainSingle().Which.Should().Be(new DeviceWork(801, "motion-801", IPAddress.Loopback));
        _time.Advance(Interval);
        (await _resolver.NextCallAsync()).Should().Be(("motion-801", T0), "the first calls, read in order");
        (await _resolver.NextCallAsync()).Name.Should().Be("motion-802");
        (await _resolver.NextCallAsync()).Should().Be(("motion-802", T0 + Interval), "only the device not found is looked for again");
    }

    [Fact]
    public async Task Return_MakesADeviceDueAtOnce()
    {
        _resolver.Answer("motion-801", IPAddress.Loopback);
        Start(lookups: 256, 801);
        await LookEndedAsync(801);
        await _resolver.NextCallAsync();
        _fleet!.MarkFailed(801, "test", _ => TimeSpan.Zero, _ => null); // a stage failed it; its address is gone

        _time.Advance(TimeSpan.FromSeconds(1));
        _scheduler!.Return(801);

        (await _resolver.NextCallAsync()).Should().Be(("motion-801", T0 + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Stop_EndsEveryLookBeforeCompleting_AndReleasesTheirDevices()
    {
        _resolver.Hang("motion-801");
        Start(lookups: 256, 801);
        await _resolver.NextCallAsync();

        _lifetime.BeginStop();
        await _scheduler!.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        _scheduler.Looking.Should().Be(0);
        _fleet!.ClaimForDetection().Should().Equal([801], "a look ended by the stop gives its device back");
    }

    [Fact]
    public async Task Return_AfterTheScheduleEnded_ReleasesTheDeviceAtOnce()
    {
        _resolver.Answer("motion-801", IPAddress.Loopback);
        Start(lookups: 256, 801);
        await LookEndedAsync(801); // found: in the graph
        _lifetime.BeginStop();
        await _scheduler!.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        _fleet!.MarkFailed(801, "test", _ => TimeSpan.Zero, _ => null);

        _scheduler.Return(801); // a backoff that ended as the server stopped

        _fleet.ClaimForDetection().Should().Equal([801], "nobody is left to release it later");
    }

    [Fact]
    public async Task AnArrival_BringsAbsentDevicesLooksForward_ToOneArrivalIntervalApart_ThenEasesBackToTheInterval()
    {
        _arrivalWindow = TimeSpan.FromSeconds(12); // waits of a second up to 2.4 s after the arrival, then longer
        Start(lookups: 256, 801, 802);
        await LookEndedAsync(801, 802); // both missed at T0: due at T0 + 5 s
        await SleepingUntilAsync(T0 + Interval);

        // 802 out of step with 801: looked for at T0 + 2 s, so due at T0 + 7 s.
        _time.Advance(TimeSpan.FromSeconds(2));
        _scheduler!.Return(802);
        await LookEndedAsync(802);
        _scheduler.DueOf(802).Should().Be(T0 + TimeSpan.FromSeconds(7));

        // 801 arrives and is found at T0 + 5 s: 802, due at T0 + 7 s, is brought forward to T0 + 6 s.
        _resolver.Answer("motion-801", IPAddress.Loopback);
        await SleepingUntilAsync(T0 + Interval);
        _time.Advance(TimeSpan.FromSeconds(3));
        await LookEndedAsync(801);
        _found.Should().ContainSingle().Which.DeviceId.Should().Be(801);
        _scheduler.DueOf(802).Should().Be(T0 + TimeSpan.FromSeconds(6));

        // 802's looks follow its schedule until a wait is a whole Interval again.
        var looksAt802 = new List<DateTimeOffset>();
        for (var due = T0 + TimeSpan.FromSeconds(6); looksAt802.Count < 20 && (looksAt802.Count == 0 || due - looksAt802[^1] < Interval); due = _scheduler.DueOf(802))
        {
            await RunToAsync(due);
            await LookEndedAsync(802);
            looksAt802.Add(due);
        }

        var waits = looksAt802.Zip(looksAt802.Skip(1), (a, b) => b - a).Append(_scheduler.DueOf(802) - looksAt802[^1]).ToList();
        waits.Take(2).Should().AllSatisfy(w => w.Should().Be(TimeSpan.FromSeconds(1)), "the looks at T0 + 6 s and 7 s are 1 and 2 s after the arrival");
        waits.Should().BeInAscendingOrder("the quieter the beach, the longer the wait")
            .And.Contain(w => w > TimeSpan.FromSeconds(1) && w < Interval, "the pace eases back to the Interval, not in one step");
        waits[^1].Should().Be(Interval, "the window has passed at the last look");
        (looksAt802[^1] - (T0 + Interval)).Should().BeGreaterThanOrEqualTo(_arrivalWindow);
        (looksAt802[^2] - (T0 + Interval)).Should().BeLessThan(_arrivalWindow, "every look within the window waited less than an Interval");
    }

    [Fact]
    public async Task ADeviceFoundAtItsFirstLook_IsNoArrival_AndAbsentDevicesKeepTheInterval()
    {
        _resolver.Answer("motion-801", IPAddress.Loopback); // on the beach when the server starts
        Start(lookups: 256, 801, 802);
        await LookEndedAsync(801, 802);

        _found.Should().ContainSingle();
        _scheduler!.DueOf(802).Should().Be(T0 + Interval);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task AnArrival_WithTheArrivalPaceOff_ChangesNoDueTime(int arrivalSeconds)
    {
        _arrivalInterval = TimeSpan.FromSeconds(arrivalSeconds); // zero, or not shorter than Interval: no pace

        Start(lookups: 256, 801, 802);
        await LookEndedAsync(801, 802);
        _resolver.Answer("motion-801", IPAddress.Loopback);
        await SleepingUntilAsync(T0 + Interval);

        _time.Advance(Interval);
        await LookEndedAsync(801, 802);

        _found.Should().ContainSingle().Which.DeviceId.Should().Be(801);
        _scheduler!.DueOf(802).Should().Be(T0 + (2 * Interval));
    }

    public async ValueTask DisposeAsync()
    {
        _lifetime.BeginStop();
        if (_scheduler is not null)
        {
            await _scheduler.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        }

        foreach (var (name, _) in _resolver.All)
        {
            _resolver.Release(name);
        }

        _lifetime.Dispose();
    }

    private void Start(int lookups, params int[] ids)
    {
        _fleet = new FleetState(_time, id => $"motion-{id}", "/event");
        _fleet.ApplyRoster(MotionRoster.Create(ids.Select(id => new RosterEntry
        {
            MotionId = id, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 17), FileId = $"F{id}", FirstName = "N", FamilyName = $"{id}",
        })));
        var options = new MotionServerOptions();
        options.Detection.Interval = Interval;
        options.Detection.ConnectTimeout = TimeSpan.FromSeconds(1);
        options.Detection.Lookups = lookups;
        options.Detection.ArrivalInterval = _arrivalInterval;
        options.Detection.ArrivalWindow = _arrivalWindow;
        options.Detection.LookupsPerSecond = _lookupsPerSecond;
        var look = new DetectionLook(new NameLookups(_resolver, options.Detection.ConnectTimeout, _time), new AlwaysAnswers(), options);
        var log = new FleetLog(NullLogger.Instance, _fleet);
        var stage = new DetectionStage(new StatusReporter(_fleet, log, new FailurePolicy(options)), new DeparturePolicy(new AlwaysAnswers(), _fleet, options), log);
        _scheduler = new DetectionScheduler(_fleet, look, stage, Found, options.Detection, _time, NullLogger.Instance,
            () => Interlocked.Increment(ref _rosterRereads));
        _scheduler.LookEnded += id => _ended.Writer.TryWrite(id);
        _scheduler.Start(_lifetime.Stopping);
    }

    private Task<bool> Found(DeviceWork work, CancellationToken stopping)
    {
        _found.Enqueue(work);
        _fleet!.MarkConnected(work.DeviceId, work.Address!);
        return Task.FromResult(true);
    }

    /// <summary>Waits until the schedule sleeps until <paramref name="dueAt"/> (lookups' own timers are passed over).</summary>
    private async Task SleepingUntilAsync(DateTimeOffset dueAt)
    {
        while ((await _time.NextTimerAsync()).DueAt != dueAt)
        {
        }
    }

    /// <summary>
    /// Lets the schedule run until <paramref name="dueAt"/> (on the unstepped clock, as timers are): through each roster
    /// re-read on the way (one every Interval from T0, when it sleeps until that first), then to <paramref name="dueAt"/>.
    /// </summary>
    private async Task RunToAsync(DateTimeOffset dueAt)
    {
        var now = _time.UnsteppedUtcNow;
        for (var reread = T0 + (Interval * Math.Ceiling((now - T0) / Interval)); reread < dueAt; reread += Interval)
        {
            if (reread > now)
            {
                await SleepingUntilAsync(reread);
                _time.Advance(reread - _time.UnsteppedUtcNow);
            }
        }

        await SleepingUntilAsync(dueAt);
        _time.Advance(dueAt - _time.UnsteppedUtcNow);
    }

    private async Task LookEndedAsync(params int[] ids)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var ended = new List<int>();
        while (ended.Count < ids.Length)
        {
            ended.Add(await _ended.Reader.ReadAsync(timeout.Token));
        }

        ended.Should().BeEquivalentTo(ids);
    }

    private sealed class AlwaysAnswers : IConnectProbe
    {
        public Task<bool> CanConnectAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
