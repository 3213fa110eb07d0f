using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.State;

/// <summary>Issue 9: roster edits and restarts keep the state true; a throwing subscriber is isolated.</summary>
public class FleetStateRosterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero));
    private readonly FleetState _fleet;

    public FleetStateRosterTests()
    {
        _fleet = new FleetState(_time, id => $"motion-{id}", "/event");
        _fleet.ApplyRoster(Roster((801, "F801"), (802, "F802")));
    }

    private static MotionRoster Roster(params (int Id, string FileId)[] rows) => MotionRoster.Create(rows.Select(r => new RosterEntry
    {
        MotionId = r.Id, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 17), FileId = r.FileId,
    }));

    private void Complete(int id)
    {
        _fleet.ClaimForDetection();
        _fleet.MarkConnected(id, IPAddress.Loopback);
        _fleet.MarkCompleted(id);
        _fleet.Release(id);
    }

    [Fact]
    public void ApplyRoster_DeviceTakenOffAndPutBack_KeepsItsLastSeenAndLastCompleted()
    {
        Complete(801);
        var before = _fleet.GetMotion(801)!;

        _fleet.ApplyRoster(Roster((802, "F802")));
        _fleet.ExportHistory().Devices.Should().ContainKey(801, "the times of a device off the roster are still saved");
        _fleet.ApplyRoster(Roster((801, "F801"), (802, "F802")));

        var after = _fleet.GetMotion(801)!;
        after.LastSeen.Should().Be(before.LastSeen).And.NotBeNull();
        after.LastCompleted.Should().Be(before.LastCompleted).And.NotBeNull();
    }

    [Fact]
    public void Restore_TimesOfADeviceNotOnTheRoster_AreKept_SavedAgain_AndBackWithACorrectedRoster()
    {
        var seen = new DateTimeOffset(2025, 10, 12, 8, 0, 0, TimeSpan.Zero);
        var restarted = new FleetState(_time, id => $"motion-{id}", "/event");
        restarted.ApplyRoster(Roster((802, "F802")));

        restarted.Restore(new HistoryRecord([801], new Dictionary<int, DeviceTimes> { [801] = new(seen, seen) }));

        restarted.ExportHistory().Devices[801].Should().Be(new DeviceTimes(seen, seen));
        restarted.ApplyRoster(Roster((801, "F801"), (802, "F802")));
        restarted.GetMotion(801)!.LastCompleted.Should().Be(seen);
    }

    [Fact]
    public void ApplyRoster_RowsOfACompletedDeviceChange_ItIsConnectedAgain_AndTheNextSweepTakesIt()
    {
        Complete(801);
        Complete(802);

        _fleet.ApplyRoster(Roster((801, "G801"), (802, "F802")));

        _fleet.StatusOf(801).Should().Be(MotionStatus.Connected, "completed no longer stands: a track may be owed");
        _fleet.GetMotion(801)!.CanBeDisconnected.Should().BeFalse();
        _fleet.StatusOf(802).Should().Be(MotionStatus.Completed, "its rows did not change");
        _fleet.ClaimForDetection().Should().Equal(801);
    }

    [Fact]
    public void ApplyRoster_WhileTheDeviceIsInTheGraph_ItsCompletionIsHeldBackUntilItIsPlannedAgain()
    {
        _fleet.ClaimForDetection();
        _fleet.MarkConnected(801, IPAddress.Loopback);

        _fleet.ApplyRoster(Roster((801, "G801"), (802, "F802")));
        _fleet.MarkCompleted(801);
        _fleet.Release(801);

        _fleet.StatusOf(801).Should().Be(MotionStatus.Connected);
        _fleet.ClaimForDetection().Should().Contain(801);
        _fleet.MarkConnected(801, IPAddress.Loopback);
        _fleet.MarkCompleted(801);
        _fleet.StatusOf(801).Should().Be(MotionStatus.Completed);
    }

    [Fact]
    public void Release_ADeviceSetBackForAReplanThatDetectionDidNotFind_IsDisconnected()
    {
        Complete(801);
        _fleet.ApplyRoster(Roster((801, "G801"), (802, "F802")));
        _fleet.ClaimForDetection();

        _fleet.Release(801); // not found

        _fleet.StatusOf(801).Should().Be(MotionStatus.Disconnected);
    }

    [Fact]
    public void StatusChanged_ASubscriberThatThrows_IsLogged_AndTheOthersAndTheCallerCarryOn()
    {
        var log = new CapturingLoggerProvider();
        var fleet = new FleetState(_time, id => $"motion-{id}", "/event", subscriberLogger: log.CreateLogger("test"));
        fleet.ApplyRoster(Roster((801, "F801"), (802, "F802")));
        var heard = new List<MotionStatus>();
        fleet.StatusChanged += (_, _) => throw new InvalidOperationException("embedder bug");
        fleet.StatusChanged += (_, c) => heard.Add(c.Current);

        var act = () => fleet.MarkConnected(801, IPAddress.Loopback);

        act.Should().NotThrow();
        heard.Should().Equal(MotionStatus.Connected);
        fleet.StatusOf(801).Should().Be(MotionStatus.Connected);
        log.Messages(LogLevel.Error).Should().Equal("A StatusChanged subscriber failed on motion-801 becoming connected - InvalidOperationException: embedder bug");
    }
}
