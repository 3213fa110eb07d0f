using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Download;

/// <summary>
/// The download stage, called through the guard, against one emulated device on loopback; its plan comes from the real
/// inspection stage, as in the graph.
/// </summary>
public sealed class DownloadStageTests : IAsyncLifetime, IDisposable
{
    private const int Id = 821;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private EmulatedFleet? _fleet;
    private StageRig? _rig;
    private DeviceHttpClient? _http;
    private InspectionStage? _inspection;
    private DownloadStage? _download;

    private EmulatedDevice Device => _fleet![Id];

    private StageRig Rig => _rig!;

    private DeviceWork Work => Rig.Work(Id, Device.Address);

    private LedgerStore Ledgers => new(Rig.Folder);

    public async Task InitializeAsync()
    {
        _fleet = await FleetBuilder.StartAsync([Id], tracksPerDevice: 2);
        _rig = new StageRig(TimeProvider.System, probe: null, o =>
        {
            o.Network.Port = _fleet.Port;
            o.Inspection.RequestTimeout = TimeSpan.FromSeconds(10);
            o.Download.RequestTimeout = TimeSpan.FromSeconds(10);
            o.Limits.MinFreeDiskBytes = 0; // the disk-space gate has tests of its own
        }, Id);
        var options = Rig.Options;
        var folder = Rig.Folder;
        _http = new DeviceHttpClient(options.Inspection.RequestTimeout);
        _inspection = Rig.InspectionStage(_http);
        var diskSpace = new DiskSpaceGate(new DriveFreeSpaceProbe(), folder.Root, options.Limits.MinFreeDiskBytes, options.Detection.Interval,
            new NoticeBoard(Rig.Time, Rig.FleetLog.Server), Rig.Time);
        _download = new DownloadStage(new TrackDownloader(_http.Client, options.Download, Rig.Time), Ledgers, Rig.Fleet, Rig.Reporter, Rig.Departures, options,
            Rig.Lifetime, diskSpace, Rig.Time, Rig.FleetLog);
        Rig.Fleet.MarkConnected(Id, Device.Address);
    }

    [Fact]
    public async Task Run_EveryTrackDownloaded_CanBeDisconnected()
    {
        var needed = await InspectAsync();

        var outcome = await DownloadAsync(needed);

        outcome.Should().Be(new DeviceDone(Work));
        Rig.ShouldHaveSeen(LogLevel.Information,
            $"status: {Id} Downloading",
            $"line: motion-{Id} {needed.Plan.Tracks[0].FileName} downloaded - *",
            $"line: motion-{Id} {needed.Plan.Tracks[1].FileName} downloaded - *",
            $"line: motion-{Id} can be disconnected",
            $"status: {Id} Completed");
        needed.Plan.Tracks.Should().OnlyContain(t => File.Exists(t.FinalPath));
        Ledgers.Load($"motion-{Id}", out _).WithStatus(LedgerStatus.Completed).Should().HaveCount(2);
        Rig.Motion(Id).Tracks.Completed.Should().Be(2);
        Rig.Motion(Id).Transfer.Should().BeNull("no transfer is shown once the visit ends");
    }

    [Fact]
    public async Task Run_ATrackFails_TheOthersStillCome_AndTheDeviceIsFailed_WithTheTracksLine()
    {
        var needed = await InspectAsync();
        var failing = needed.Plan.Tracks[0];
        var fine = needed.Plan.Tracks[1];
        using var error = Device.Faults.Add(DeviceFault.HttpError(failing.Log.File, 500));

        var outcome = await DownloadAsync(needed);

        outcome.Should().Be(new DeviceFailed(Work, "the device answered HTTP 500"));
        Rig.ShouldHaveSeen(LogLevel.Information,
            $"status: {Id} Downloading",
            $"line: motion-{Id} {failing.FileName} failed - the device answered HTTP 500",
            $"line: motion-{Id} {fine.FileName} downloaded - *",
            $"status: {Id} Failed");
        Rig.Log.Lines.Should().ContainSingle(l => l.Message.Contains(" failed - ", StringComparison.Ordinal)).Which.Level.Should().Be(LogLevel.Error);
        var ledger = Ledgers.Load($"motion-{Id}", out _);
        ledger.Find(failing.FileName)!.Status.Should().Be(LedgerStatus.Failed);
        ledger.Find(failing.FileName)!.Error.Should().Be("the device answered HTTP 500");
        ledger.Find(fine.FileName)!.Status.Should().Be(LedgerStatus.Completed);
        File.Exists(failing.FinalPath).Should().BeFalse();
        var motion = Rig.Motion(Id);
        motion.LastError.Should().Be("the device answered HTTP 500");
        motion.FailedAttempts.Should().Be(1);
    }

    [Fact]
    public async Task Run_TheDeviceDropsOffMidTrack_ItIsAskedForNoOtherTrack_AndEveryTrackLeftCountsAsFailed()
    {
        Rig.Options.Retry.AttemptsBeforeAttention = 1; // so the attention line shows the count of tracks failed
        var needed = await InspectAsync();
        var cut = needed.Plan.Tracks[0];
        var next = needed.Plan.Tracks[1];
        using var abort = Device.Faults.Add(DeviceFault.AbortAfter(100).On(cut.Log.File));

        var outcome = await DownloadAsync(needed);

        var failed = outcome.Should().BeOfType<DeviceFailed>().Subject;
        Device.Requests.Should().NotContain(r => r.Path == next.Log.File, "a device that stopped answering would only make the next tracks wait out their timeouts");
        Rig.Log.Messages().Should().Contain($"motion-{Id} {cut.FileName} failed - {failed.Reason}")
            .And.Contain($"motion-{Id} needs attention - 2 track(s) failed: {failed.Reason}");
        Rig.Motion(Id).Status.Should().Be(MotionStatus.Failed);
    }

    [Fact]
    public async Task Run_DamagedFirstCopy_RefetchDoesNotHappen_KeepsTheCopy_TheTrackStaysOwed_AndNothingSaysFetchedTwice()
    {
        var needed = await InspectAsync();
        var damaged = needed.Plan.Tracks[0];
        var fine = needed.Plan.Tracks[1];
        using var corrupt = Device.Faults.Add(DeviceFault.CorruptByte(damaged.Log.Size / 2).On(damaged.Log.File).Once());
        IDisposable? refused = null;
        Device.RequestServed += (_, served) =>
        {
            if (served.Path == damaged.Log.File)
            {
                refused ??= Device.Faults.Add(DeviceFault.HttpError(damaged.Log.File, 503)); // the refetch cannot be had
            }
        };

        var outcome = await DownloadAsync(needed);
        refused?.Dispose();

        outcome.Should().BeOfType<DeviceFailed>("a track it owes could not be fetched");
        var entry = Ledgers.Load($"motion-{Id}", out _).Find(damaged.FileName)!;
        entry.Status.Should().Be(LedgerStatus.Failed, "fetched once only: still owed, fetched again next visit");
        entry.Verification!.IsDamaged.Should().BeTrue("the staff see what is wrong with the copy on disk");
        entry.Error.Should().Contain("the device answered HTTP 503");
        File.Exists(damaged.FinalPath).Should().BeTrue("a track is never thrown away");
        Ledgers.Load($"motion-{Id}", out _).Find(fine.FileName)!.Status.Should().Be(LedgerStatus.Completed);
        Rig.Log.Messages().Should().NotContain(m => m.Contains("fetched twice", StringComparison.Ordinal))
            .And.Contain(m => m.StartsWith($"motion-{Id} {damaged.FileName} damaged - ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failed_AnEventFolderError_IsALedgerThatCannotBeUpdated()
    {
        var outcome = await _download!.FailedAsync(Work, new StageError(StageErrorKind.EventFolder, "No space left on device"));

        outcome.Should().Be(new DeviceFailed(Work, "cannot update the ledger: No space left on device"));
        Rig.Motion(Id).Status.Should().Be(MotionStatus.Failed);
    }

    [Fact]
    public async Task Run_StoppingBetweenTracks_StartsNoOther_AndAbandons()
    {
        var needed = await InspectAsync();
        var first = needed.Plan.Tracks[0];
        var second = needed.Plan.Tracks[1];
        // The stop arrives the moment the first track is reported: before the worker would start the second.
        Rig.Log.LineWritten += line =>
        {
            if (line.Message.Contains(" downloaded - ", StringComparison.Ordinal))
            {
                Rig.Lifetime.BeginStop();
            }
        };

        var outcome = await DownloadAsync(needed);

        outcome.Should().Be(new DeviceAbandoned(Work));
        File.Exists(first.FinalPath).Should().BeTrue();
        File.Exists(second.FinalPath).Should().BeFalse();
        Device.Requests.Should().NotContain(r => r.Path == second.Log.File, "no track is started while stopping");
        var ledger = Ledgers.Load($"motion-{Id}", out _);
        ledger.Find(first.FileName)!.Status.Should().Be(LedgerStatus.Completed);
        ledger.Find(second.FileName)!.Status.Should().Be(LedgerStatus.Queued, "still owed: fetched next run");
        Rig.Log.Messages().Should().NotContain(m => m.EndsWith("can be disconnected", StringComparison.Ordinal));
    }

    private async Task<DownloadsNeeded> InspectAsync()
    {
        var outcome = await Rig.Guard.Guard(_inspection!)(new DeviceDetected(Work, Device.Address)).WaitAsync(Timeout);
        var needed = outcome.Should().BeOfType<DownloadsNeeded>().Subject;
        needed.Plan.Tracks.Should().HaveCount(2);
        Rig.ClearTimeline();
        return needed;
    }

    private Task<StageOutcome> DownloadAsync(DownloadsNeeded needed) => Rig.Guard.Guard(_download!)(needed).WaitAsync(Timeout);

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
