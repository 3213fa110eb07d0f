using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Detection;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Graph;

/// <summary>
/// The graph's wiring, on a fake clock with a scripted resolver and probe: where each outcome goes, and the order of a
/// drain. Devices are "found" at addresses where nothing answers (a refused port), nothing replies (a listener that
/// never answers: a gate the test holds) or, for the download path, one emulated device.
/// </summary>
public sealed class PipelineGraphTests : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 12, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(T0);
    private readonly ScriptedResolver _resolver;
    private readonly ScriptedConnectProbe _probe = new(true);
    private readonly ConcurrentQueue<string> _faulted = new();
    private readonly List<IDisposable> _owned = [];
    private StageRig? _rig;
    private PipelineGraph? _graph;
    private bool _drained;

    public PipelineGraphTests() => _resolver = new ScriptedResolver(_time);

    private StageRig Rig => _rig!;

    private PipelineGraph Graph => _graph!;

    [Fact]
    public async Task AFailedDevice_TakesTheRetryPath_AndIsLookedForAgainWhenItsBackoffIsOver()
    {
        int port = RefusedPort();
        Build(port, 801);
        _resolver.Answer("motion-801", IPAddress.Loopback);
        var failed = StatusReached(801, MotionStatus.Failed);

        Graph.Schedule.Start(Rig.Lifetime.Stopping);
        (await _resolver.NextCallAsync()).Should().Be(("motion-801", T0));
        await failed; // found and connected; inspection finds the port refusing, yet the probe says the device is there: failed

        Rig.Log.Messages().Should().Contain("motion-801 is connected").And.Contain(m => m.StartsWith("motion-801 inspection failed - info.json request failed", StringComparison.Ordinal));
        var notBefore = Rig.Fleet.NotBeforeOf(801);
        notBefore.Should().BeAfter(T0, "the failure policy paces it");
        _time.Advance(notBefore - _time.GetUtcNow());

        (await _resolver.NextCallAsync()).Should().Be(("motion-801", notBefore), "the retry path hands it back to detection when its backoff is over");
        _faulted.Should().BeEmpty();
    }

    [Fact]
    public async Task ADeviceNotFound_IsReleased_ByTheSink()
    {
        Build(RefusedPort(), 801, 802);
        Rig.Fleet.ClaimForDetection().Should().BeEquivalentTo([801, 802]);

        (await Graph.Detection.SendAsync(Rig.Work(801))).Should().BeTrue(); // a look that found nothing
        await DrainAsync();

        HeldByTheGraph().Should().Equal([802], "801 reached the sink; 802 was claimed and never sent");
    }

    [Fact]
    public async Task ACompletedDevice_IsProbedByThePresenceSchedule_AndReleasedAfterwards()
    {
        Build(RefusedPort(), 801);
        Rig.Fleet.MarkConnected(801, IPAddress.Loopback);
        Rig.Fleet.MarkCompleted(801);
        var probed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Graph.Presence.ProbeEndedFor += id => probed.TrySetResult(id);

        Graph.Presence.Start(Rig.Lifetime.Stopping);

        (await probed.Task.WaitAsync(Timeout)).Should().Be(801);
        _probe.Calls.Should().ContainSingle().Which.Address.Should().Be(IPAddress.Loopback);
        Rig.Lifetime.BeginStop();
        await Graph.Presence.Completion.WaitAsync(Timeout);
        Rig.Fleet.ClaimForPresenceProbe(_ => TimeSpan.Zero, TimeSpan.Zero, int.MaxValue).Should().ContainSingle().Which.Id.Should().Be(801, "released, it may be probed again");
        Rig.Fleet.StatusOf(801).Should().Be(MotionStatus.Completed, "the probe answered");
    }

    [Fact]
    public async Task ADeviceThatOwesTracks_GoesOnToDownload_AndIsReleasedWhenDone()
    {
        await using var fleet = await FleetBuilder.StartAsync([831], tracksPerDevice: 1);
        Build(fleet.Port, 831);
        _resolver.Answer("motion-831", fleet[831].Address);
        var statuses = RecordStatuses(831);
        var completed = StatusReached(831, MotionStatus.Completed);

        Graph.Schedule.Start(Rig.Lifetime.Stopping);
        await completed;

        statuses.Should().Equal(MotionStatus.Connected, MotionStatus.Pending, MotionStatus.Downloading, MotionStatus.Completed);
        fleet[831].CompletedTracks.Should().Be(1);
        await DrainAsync();
        Rig.Fleet.ClaimForPresenceProbe(_ => TimeSpan.Zero, TimeSpan.Zero, int.MaxValue).Should().ContainSingle().Which.Id.Should().Be(831, "the sink released it");
    }

    [Fact]
    public async Task Drain_WaitsForWorkInFlight_ThenAbandonsItAtTheDeadline_AndReleasesIt()
    {
        using var silent = SilentListener(out int port);
        Build(port, 801, 802);
        Rig.Fleet.ClaimForDetection();
        var asked = silent.AcceptTcpClientAsync();

        await Graph.Detection.SendAsync(Rig.Work(801, IPAddress.Loopback));
        using var connection = await asked.WaitAsync(Timeout); // inspection is waiting for info.json
        Rig.Lifetime.BeginStop();
        var drain = StartDrain();

        drain.IsCompleted.Should().BeFalse("a device in inspection may still finish before the deadline");
        _time.Advance(DrainTime);
        await drain.WaitAsync(Timeout);

        Rig.Lifetime.Abandon.IsCancellationRequested.Should().BeTrue();
        Rig.Log.Messages().Should().NotContain(m => m.Contains("inspection failed", StringComparison.Ordinal), "abandoned work is no failure");
        Rig.Fleet.StatusOf(801).Should().Be(MotionStatus.Connected);
        HeldByTheGraph().Should().Equal([802], "the abandoned device reached the sink before it closed");
    }

    [Fact]
    public async Task Drain_AFailureDuringTheDrain_TakesTheRetryPath_WhichReleasesIt_BeforeTheDrainEnds()
    {
        using var silent = SilentListener(out int port);
        Build(port, 801);
        Rig.Fleet.ClaimForDetection();
        var asked = silent.AcceptTcpClientAsync();
        await Graph.Detection.SendAsync(Rig.Work(801, IPAddress.Loopback));
        using var connection = await asked.WaitAsync(Timeout);
        Rig.Lifetime.BeginStop();
        var drain = StartDrain();

        // The device answers badly before the deadline: inspection fails, within the drain.
        await connection.GetStream().WriteAsync("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        await drain.WaitAsync(Timeout);

        Rig.Lifetime.Abandon.IsCancellationRequested.Should().BeFalse("it ended before the deadline");
        Rig.Log.Messages().Should().Contain("motion-801 inspection failed - info.json answered HTTP 500");
        Rig.Fleet.StatusOf(801).Should().Be(MotionStatus.Failed);
        HeldByTheGraph().Should().BeEmpty("the retry path releases a failed device once the server is stopping");
    }

    [Fact]
    public async Task Drain_ADevicePacingAfterAFailure_IsReleased_AndNotLookedForAgain()
    {
        Build(RefusedPort(), 801);
        _resolver.Answer("motion-801", IPAddress.Loopback);
        var failed = StatusReached(801, MotionStatus.Failed);
        Graph.Schedule.Start(Rig.Lifetime.Stopping);
        await failed;

        Rig.Lifetime.BeginStop();
        await Graph.Schedule.Completion.WaitAsync(Timeout);
        await StartDrain().WaitAsync(Timeout); // no time passes: its backoff is not over

        HeldByTheGraph().Should().BeEmpty();
        _resolver.CallsFor("motion-801").Should().Be(1);
        Graph.Detection.Completion.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public async Task Drain_WithNothingInFlight_CompletesEveryEntry()
    {
        Build(RefusedPort(), 801);
        Rig.Lifetime.BeginStop();

        await StartDrain().WaitAsync(Timeout);

        Graph.Detection.Completion.IsCompletedSuccessfully.Should().BeTrue();
        Rig.Lifetime.Abandon.IsCancellationRequested.Should().BeFalse();
    }

    [Fact]
    public async Task AfterTheStopBegins_WorkSentIn_IsAbandonedAndReleased()
    {
        Build(RefusedPort(), 801);
        Rig.Fleet.ClaimForDetection();
        Rig.Lifetime.BeginStop();

        await Graph.Detection.SendAsync(Rig.Work(801, IPAddress.Loopback));
        await StartDrain().WaitAsync(Timeout);

        Rig.Fleet.StatusOf(801).Should().Be(MotionStatus.Waiting, "the detection stage did not even run");
        HeldByTheGraph().Should().BeEmpty();
    }

    private void Build(int port, params int[] deviceIds)
    {
        _rig = new StageRig(_time, _probe, o =>
        {
            o.Network.Port = port;
            o.Detection.Interval = TimeSpan.FromHours(1); // no sweep of its own during a test: only returns wake the schedule
            o.Detection.ConnectTimeout = TimeSpan.FromSeconds(1);
            o.Inspection.RequestTimeout = TimeSpan.FromMinutes(5);
            o.Download.RequestTimeout = TimeSpan.FromMinutes(5);
            o.Retry.InitialDelay = TimeSpan.FromSeconds(10);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(60);
            o.Limits.MinFreeDiskBytes = 0;
        }, deviceIds);
        var diskSpace = new DiskSpaceGate(new DriveFreeSpaceProbe(), Rig.Folder.Root, 0, Rig.Options.Detection.Interval, new NoticeBoard(_time, Rig.FleetLog.Server), _time);
        _graph = new PipelineGraph(Rig.Options, Rig.Folder, Rig.Fleet, _resolver, _probe, Rig.Lifetime, _time, Rig.FleetLog, diskSpace,
            (block, _) => _faulted.Enqueue(block));
    }

    private Task StartDrain()
    {
        _drained = true;
        return Graph.DrainAsync(DrainTime, Rig.Lifetime, _time);
    }

    private async Task DrainAsync()
    {
        Rig.Lifetime.BeginStop();
        await StartDrain().WaitAsync(Timeout);
    }

    /// <summary>
    /// The rig's devices the graph still holds. A roster without a device removes it at once unless the graph holds it
    /// (it leaves when released), so this asks by taking every device off the roster: call it last.
    /// </summary>
    private List<int> HeldByTheGraph()
    {
        var ids = Rig.Fleet.Roster.DeviceIds.ToList();
        Rig.Fleet.ApplyRoster(MotionRoster.Empty);
        return [.. ids.Where(id => Rig.Fleet.GetMotion(id) is not null)];
    }

    private Task StatusReached(int deviceId, MotionStatus status)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Rig.Fleet.StatusChanged += (_, change) =>
        {
            if (change.DeviceId == deviceId && change.Current == status)
            {
                reached.TrySetResult();
            }
        };
        return reached.Task.WaitAsync(Timeout);
    }

    private List<MotionStatus> RecordStatuses(int deviceId)
    {
        var statuses = new List<MotionStatus>();
        Rig.Fleet.StatusChanged += (_, change) =>
        {
            if (change.DeviceId == deviceId)
            {
                lock (statuses)
                {
                    statuses.Add(change.Current);
                }
            }
        };
        return statuses;
    }

    /// <summary>A loopback port bound and not listening: every connect is refused at once, for as long as the test runs.</summary>
    private int RefusedPort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _owned.Add(socket);
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A loopback listener that accepts connections and never answers a request: inspection waits on it until cut.</summary>
    private static TcpListener SilentListener(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        if (_rig is not null)
        {
            _rig.Lifetime.AbandonInFlightWork();
            await Graph.Schedule.Completion.WaitAsync(Timeout);
            await Graph.Presence.Completion.WaitAsync(Timeout);
            if (!_drained)
            {
                await Graph.DrainAsync(TimeSpan.Zero, _rig.Lifetime, _time).WaitAsync(Timeout);
            }

            _faulted.Should().BeEmpty("no block of the graph may fault");
            _graph!.Dispose();
            _rig.Dispose();
        }

        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
