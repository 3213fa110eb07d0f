using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Emulator;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Inspection;

/// <summary>The inspection stage, called through the guard, against one emulated device on loopback.</summary>
public sealed class InspectionStageTests : IAsyncLifetime, IDisposable
{
    private const int Id = 811;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private EmulatedFleet? _fleet;
    private StageRig? _rig;
    private DeviceHttpClient? _http;
    private InspectionStage? _stage;

    private EmulatedDevice Device => _fleet![Id];

    private StageRig Rig => _rig!;

    public async Task InitializeAsync()
    {
        _fleet = await FleetBuilder.StartAsync([Id], tracksPerDevice: 2);
        _rig = new StageRig(TimeProvider.System, probe: null, o =>
        {
            o.Network.Port = _fleet.Port;
            o.Inspection.RequestTimeout = TimeSpan.FromSeconds(10);
        }, Id);
        _http = new DeviceHttpClient(Rig.Options.Inspection.RequestTimeout);
        _stage = Rig.InspectionStage(_http);
        Rig.Fleet.MarkConnected(Id, Device.Address);
        Rig.ClearTimeline();
    }

    [Fact]
    public async Task Run_TracksOwed_AreRecorded_AndTheDeviceGoesOnToDownload()
    {
        var outcome = await InspectAsync();

        var needed = outcome.Should().BeOfType<DownloadsNeeded>().Subject;
        needed.Plan.Tracks.Should().HaveCount(2);
        Rig.Timeline.Where(e => e.StartsWith("status:", StringComparison.Ordinal)).Should().Equal($"status: {Id} Pending");
        Rig.Timeline.TakeLast(2).Should().Equal($"line: motion-{Id} has 2 track(s) to download", $"status: {Id} Pending");
        Directory.GetFiles(Rig.Folder.DeviceDirectory($"motion-{Id}")).Select(Path.GetFileName)
            .Should().BeEquivalentTo("info.json", "settings.json", "logs.json", "downloads.json");
        new LedgerStore(Rig.Folder).Load($"motion-{Id}", out _).WithStatus(LedgerStatus.Queued).Should().HaveCount(2);
        Rig.Motion(Id).Tracks.Queued.Should().Be(2);
    }

    [Fact]
    public async Task Run_NothingOwed_CanBeDisconnected()
    {
        foreach (var track in Device.Tracks.ToList())
        {
            Device.RemoveTrack(track.Path);
        }

        var outcome = await InspectAsync();

        outcome.Should().Be(new DeviceDone(Work));
        Rig.Timeline.TakeLast(3).Should().Equal(
            $"line: motion-{Id} has no tracks to download", $"line: motion-{Id} can be disconnected", $"status: {Id} Completed");
    }

    [Fact]
    public async Task Run_DeviceLeavesMidInspection_IsDisconnected_NotFailed()
    {
        using var slow = Device.Faults.Add(DeviceFault.Delay(TimeSpan.FromMinutes(1), "/logs.json"));
        var logsAsked = Signal.Served(Device, r => r.Path == "/settings.json");

        var inspecting = InspectAsync();
        await logsAsked; // settings.json answered: logs.json is asked for next, and waits
        await Device.LeaveAsync(); // out of WiFi range: the request is cut, and nothing accepts a connection any more
        var outcome = await inspecting.WaitAsync(Timeout);

        outcome.Should().Be(new DeviceNotFound(Work));
        Rig.Log.Messages().Should().Contain(m => m.StartsWith($"motion-{Id} left during inspection - logs.json", StringComparison.Ordinal));
        Rig.Timeline.TakeLast(2).Should().Equal($"line: motion-{Id} has been disconnected", $"status: {Id} Disconnected");
        Rig.Motion(Id).FailedAttempts.Should().Be(0, "leaving is not a failed attempt");
        Rig.Log.Messages(LogLevel.Error).Should().BeEmpty();
    }

    [Fact]
    public async Task Run_DeviceStopsAnsweringButStillAcceptsConnections_IsFailed()
    {
        using var broken = Device.Faults.Add(DeviceFault.AbortAfter(10).On("/logs.json"));

        var outcome = await InspectAsync();

        var failed = outcome.Should().BeOfType<DeviceFailed>().Subject;
        failed.Reason.Should().StartWith("logs.json ");
        Rig.Timeline.TakeLast(2).Should().Equal($"line: motion-{Id} inspection failed - {failed.Reason}", $"status: {Id} Failed");
        Rig.Motion(Id).FailedAttempts.Should().Be(1);
        Rig.Log.Messages().Should().NotContain(m => m.Contains("left during", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_DeviceAnswersBadly_IsFailed_WithItsReason()
    {
        using var error = Device.Faults.Add(DeviceFault.HttpError("/settings.json", 503));

        var outcome = await InspectAsync();

        outcome.Should().Be(new DeviceFailed(Work, "settings.json answered HTTP 503"));
        Rig.Timeline.TakeLast(2).Should().Equal($"line: motion-{Id} inspection failed - settings.json answered HTTP 503", $"status: {Id} Failed");
    }

    [Fact]
    public async Task Run_WrongDeviceAnswers_IsFailed_AndWarned()
    {
        using var impostor = Device.Faults.Add(DeviceFault.WrongIdentifier(Id + 1));

        var outcome = await InspectAsync();

        outcome.Should().Be(new DeviceFailed(Work, $"wrong device answered: info.json identifier is {Id + 1}"));
        Rig.Motion(Id).Warnings.Should().ContainSingle().Which.Should().Contain($"says it is {Id + 1}");
        File.Exists(Path.Combine(Rig.Folder.DeviceDirectory($"motion-{Id}"), "info.json")).Should().BeFalse("another device's document is not kept");
    }

    [Fact]
    public async Task Run_EventFolderNotWritable_IsFailed_CannotWriteToTheEventFolder()
    {
        // A file where the device's folder belongs: nothing can be written for it (root ignores permissions, not this).
        Directory.CreateDirectory(Rig.Folder.MotionsDirectory);
        await File.WriteAllTextAsync(Rig.Folder.DeviceDirectory($"motion-{Id}"), "in the way");

        var outcome = await InspectAsync();

        var failed = outcome.Should().BeOfType<DeviceFailed>().Subject;
        failed.Reason.Should().StartWith("cannot write to the event folder: ");
        Rig.Timeline.TakeLast(2).Should().Equal($"line: motion-{Id} inspection failed - {failed.Reason}", $"status: {Id} Failed");
    }

    [Fact]
    public async Task Run_WhenStopping_AsksTheDeviceNothing()
    {
        long before = Device.RequestCount;
        Rig.Lifetime.BeginStop();

        var outcome = await InspectAsync();

        outcome.Should().Be(new DeviceAbandoned(Work));
        Device.RequestCount.Should().Be(before);
    }

    [Fact]
    public async Task Run_ManyRefusedEntries_NamesTheFirstThree_CountsTheRest_AndARetryInTheSameVisitSaysNothingAgain()
    {
        string[] hostile = [.. Enumerable.Range(0, 50).Select(i => $$"""{ "file": "/logs/x{{i}}.oao", "size": -5, "start_date": 1 }""")];
        Device.Faults.Add(DeviceFault.RawLogEntries(hostile));

        await InspectAsync();
        var first = RefusalLines();
        await InspectAsync(); // a retry: the same logs.json again
        var afterRetry = RefusalLines();
        Rig.Fleet.MarkDisconnected(Id);
        Rig.Fleet.MarkConnected(Id, Device.Address);
        await InspectAsync(); // a new visit
        var afterReturn = RefusalLines();

        first.Should().HaveCount(4);
        first.Take(3).Should().OnlyContain(l => l.Contains(" refused - size -5 is out of range", StringComparison.Ordinal));
        first[3].Should().Be($"line: motion-{Id} logs.json - 47 more entries refused");
        afterRetry.Should().Equal(first, "a retry during the same visit repeats nothing");
        afterReturn.Should().HaveCount(8, "a new visit says it once more");
    }

    private List<string> RefusalLines() =>
        [.. Rig.Timeline.Where(l => l.Contains(" logs.json ", StringComparison.Ordinal) && l.Contains("refused", StringComparison.Ordinal))];

    private DeviceWork Work => Rig.Work(Id, Device.Address);

    private Task<StageOutcome> InspectAsync() =>
        Rig.Guard.Guard(_stage!)(new DeviceDetected(Work, Device.Address)).WaitAsync(Timeout);

    public async Task DisposeAsync()
    {
        if (_fleet is not null)
        {
            await _fleet.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _http?.Dispose();
        _rig?.Dispose();
    }
}
