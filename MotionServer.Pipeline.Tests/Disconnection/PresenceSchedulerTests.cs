using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Disconnection;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Disconnection;

/// <summary>
/// The presence probe's schedule on a fake clock, with a fake network (<see cref="FakeNetwork"/>): a device there
/// answers at once; one gone leaves its address silent, so its probe hangs until its connect timeout, as a router that
/// still resolves a departed device's name does. The clock moves in small steps, each once the schedule has settled.
/// </summary>
public sealed class PresenceSchedulerTests : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 12, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    private readonly FakeTimeProvider _time = new(T0);
    private readonly FakeNetwork _network;
    private readonly ConcurrentDictionary<int, DateTimeOffset> _disconnectedAt = new();
    private StageRig? _rig;
    private PresenceScheduler? _scheduler;

    public PresenceSchedulerTests() => _network = new FakeNetwork(_time);

    private StageRig Rig => _rig!;

    private PresenceScheduler Scheduler => _scheduler!;

    [Fact]
    public async Task AWaveOf200SilentDepartures_IsNoticedWithinIntervalPlusConnectTimeout()
    {
        var ids = Enumerable.Range(1, 200).ToArray();
        await StartAsync(workers: null, completed: ids);
        await AdvanceAsync(TimeSpan.FromSeconds(10.05)); // just after a probe of every device: the worst moment to leave

        var left = _time.GetUtcNow();
        _network.Leave(ids);
        await AdvanceAsync(Interval + ConnectTimeout + TimeSpan.FromSeconds(2));

        _disconnectedAt.Keys.Should().BeEquivalentTo(ids, "every departure of the wave is noticed");
        var latest = _disconnectedAt.Values.Max() - left;
        latest.Should().BeLessThanOrEqualTo(Interval + ConnectTimeout, "however many leave at once");
        Rig.Log.Messages().Count(m => m.EndsWith(" has been disconnected", StringComparison.Ordinal)).Should().Be(200);
    }

    [Fact]
    public async Task ProbesInFlight_NeverExceedWorkers_AndAWaveBeyondThemIsStillNoticed()
    {
        var ids = Enumerable.Range(1, 40).ToArray();
        await StartAsync(workers: 10, completed: ids);

        _network.Leave(ids);
        await AdvanceAsync(TimeSpan.FromSeconds(30));

        _network.MostInFlight.Should().Be(10);
        _disconnectedAt.Keys.Should().BeEquivalentTo(ids, "the cap delays some of the wave, and loses none");
    }

    [Fact]
    public async Task EachDevice_IsProbedOneIntervalAfterItsOwnProbeEnded_WhateverAnotherDevicesProbeWaits()
    {
        await StartAsync(workers: null, completed: [1, 2]);
        _network.Silence(1); // its probes hang a whole connect timeout; it is never said gone (see Silence)

        await AdvanceAsync(TimeSpan.FromSeconds(16));

        _network.ProbeTimesOf(2).Should().Equal(
            [T0, T0 + Interval, T0 + 2 * Interval, T0 + 3 * Interval],
            "device 2 answers at once, so it is probed every interval (never later than due)");
        _network.ProbeTimesOf(1).Should().Equal(
            [T0, T0 + Interval, T0 + Interval + ConnectTimeout + Interval],
            "device 1's probe at 5 s waits out its timeout, so its next is one interval after that");
    }

    [Fact]
    public async Task ADeviceCompletedLater_IsProbedWithinOneInterval()
    {
        await StartAsync(workers: null, completed: [1], roster: [1, 2]);
        await AdvanceAsync(TimeSpan.FromSeconds(2));

        var completedAt = _time.GetUtcNow();
        Complete(2);
        await AdvanceAsync(Interval);

        _network.ProbeTimesOf(2).Should().ContainSingle().Which.Should().BeOnOrBefore(completedAt + Interval);
    }

    [Fact]
    public async Task ADeviceNotCompleted_IsNotProbed()
    {
        await StartAsync(workers: null, completed: [1], roster: [1, 2]);
        Rig.Fleet.MarkConnected(2, AddressOf(2)); // being inspected

        await AdvanceAsync(TimeSpan.FromSeconds(11));

        _network.ProbeTimesOf(2).Should().BeEmpty();
        _network.ProbeTimesOf(1).Should().HaveCount(3);
    }

    [Fact]
    public async Task Stop_EndsEveryProbeInFlight_ReleasesItsDevice_AndConcludesNothing()
    {
        await StartAsync(workers: null, completed: [1, 2]);
        _network.Leave(1, 2);
        await AdvanceAsync(Interval); // both probes now wait for their connect
        Scheduler.Probing.Should().Be(2);

        Rig.Lifetime.BeginStop();
        await Scheduler.Completion.WaitAsync(Patience.Timeout);

        Scheduler.Probing.Should().Be(0);
        Rig.Fleet.ClaimForPresenceProbe(_ => TimeSpan.Zero, TimeSpan.Zero, int.MaxValue).Select(c => c.Id).Should().BeEquivalentTo([1, 2], "released");
        _disconnectedAt.Should().BeEmpty("a probe cut by the stop says nothing");
    }

    [Fact]
    public async Task Start_WithWorkersBelowTheRoster_Warns()
    {
        await StartAsync(workers: 2, completed: [1, 2, 3]);

        Rig.Log.Lines.Should().ContainSingle(l => l.Level == LogLevel.Warning).Which.Message.Should().Be(
            "Disconnection:Workers is 2, fewer than the 3 devices of the roster: when more finished devices than that leave at once, some are noticed later than Disconnection:Interval + ConnectTimeout");
    }

    [Fact]
    public async Task Start_WithWorkersForTheWholeRoster_SaysNothing()
    {
        await StartAsync(workers: 3, completed: [1, 2, 3]);

        Rig.Log.Lines.Should().BeEmpty();
    }

    private async Task StartAsync(int? workers, int[] completed, int[]? roster = null)
    {
        _rig = new StageRig(_time, _network, o =>
        {
            o.Disconnection.Interval = Interval;
            o.Disconnection.ConnectTimeout = ConnectTimeout;
            if (workers is { } w)
            {
                o.Disconnection.Workers = w;
            }
        }, roster ?? completed);
        foreach (int id in completed)
        {
            Complete(id);
        }

        Rig.Fleet.StatusChanged += (_, change) =>
        {
            if (change.Current == MotionStatus.Disconnected)
            {
                _disconnectedAt.TryAdd(change.DeviceId, change.Time);
            }
        };
        var stage = new DisconnectionStage(_network, Rig.Fleet, Rig.Reporter, Rig.Departures, Rig.Options, Rig.FleetLog);
        _scheduler = new PresenceScheduler(Rig.Fleet, stage, Rig.Options.Disconnection, _time, Rig.FleetLog.Server);
        _scheduler.Start(Rig.Lifetime.Stopping);
        await SettledAsync();
    }

    private void Complete(int id)
    {
        Rig.Fleet.MarkConnected(id, AddressOf(id));
        Rig.Fleet.MarkCompleted(id);
    }

    /// <summary>Lets time pass in small steps: connects time out as they fall due, and the schedule settles after each.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        for (var passed = TimeSpan.Zero; passed < by; passed += Step)
        {
            _time.Advance(Step);
            _network.TimeOutConnects();
            await SettledAsync();
        }
    }

    private async Task SettledAsync()
    {
        using var patience = new CancellationTokenSource(Patience.Timeout);
        while (!Scheduler.IsSettled)
        {
            await Task.Delay(1, patience.Token); // real time: the schedule's loop runs on the thread pool
        }
    }

    private static IPAddress AddressOf(int id) => new([127, 1, (byte)(id / 256), (byte)(id % 256)]);

    private static int IdOf(IPAddress address) => address.GetAddressBytes() is var b ? (b[2] * 256) + b[3] : 0;

    public async ValueTask DisposeAsync()
    {
        if (_rig is not null)
        {
            _rig.Lifetime.BeginStop();
            await Scheduler.Completion.WaitAsync(Patience.Timeout);
            _rig.Dispose();
        }
    }

    /// <summary>
    /// The devices' addresses: one there accepts a connection at once; one gone (or silenced) leaves a connect hanging
    /// until its timeout, when <see cref="TimeOutConnects"/> says "no answer". Records when each device was probed.
    /// </summary>
    private sealed class FakeNetwork(FakeTimeProvider time) : IConnectProbe
    {
        private readonly ConcurrentDictionary<int, bool> _gone = new();
        private readonly ConcurrentDictionary<int, bool> _silenced = new();
        private readonly ConcurrentQueue<(int Id, DateTimeOffset At)> _probes = new();
        private readonly Lock _gate = new();
        private readonly List<(DateTimeOffset Deadline, int Id, TaskCompletionSource<bool> Answer)> _hanging = [];
        private int _mostInFlight;

        public int MostInFlight => Volatile.Read(ref _mostInFlight);

        public void Leave(params int[] ids) => Array.ForEach(ids, id => _gone[id] = true);

        /// <summary>Its connects hang and then succeed (a device slow to accept): never a departure, only a slow probe.</summary>
        public void Silence(int id) => _silenced[id] = true;

        public IReadOnlyList<DateTimeOffset> ProbeTimesOf(int id) => [.. _probes.Where(p => p.Id == id).Select(p => p.At)];

        public Task<bool> CanConnectAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
        {
            int id = IdOf(address);
            _probes.Enqueue((id, time.GetUtcNow()));
            if (!_gone.ContainsKey(id) && !_silenced.ContainsKey(id))
            {
                return Task.FromResult(true);
            }

            var answer = new TaskCompletionSource<bool>();
            cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken));
            lock (_gate)
            {
                _hanging.RemoveAll(h => h.Answer.Task.IsCompleted);
                _hanging.Add((time.GetUtcNow() + timeout, id, answer));
                _mostInFlight = Math.Max(_mostInFlight, _hanging.Count);
            }

            return answer.Task;
        }

        /// <summary>Every connect whose timeout has passed ends now, here: "no answer" (or, silenced, a late answer).</summary>
        public void TimeOutConnects()
        {
            List<(DateTimeOffset Deadline, int Id, TaskCompletionSource<bool> Answer)> due;
            lock (_gate)
            {
                due = _hanging.Where(h => h.Deadline <= time.GetUtcNow()).ToList();
                _hanging.RemoveAll(due.Contains);
            }

            foreach (var (_, id, answer) in due)
            {
                answer.TrySetResult(_silenced.ContainsKey(id) && !_gone.ContainsKey(id));
            }
        }
    }
}
