using System.Net;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Tests.State;

public class FleetStateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 10, 12, 9, 0, 0, TimeSpan.Zero));
    private readonly FleetState _fleet;

    public FleetStateTests()
    {
        _fleet = new FleetState(_time, id => $"motion-{id}", "/event");
        _fleet.ApplyRoster(MotionRoster.Create(new[] { 801, 802, 803, 804 }.Select(id => new RosterEntry
        {
            MotionId = id, StartDate = new DateOnly(2025, 10, 11), EndDate = new DateOnly(2025, 10, 17), FileId = $"F{id}", FirstName = "N", FamilyName = $"{id}",
        })));
    }

    [Fact]
    public void GetSnapshot_OrdersByMostRecentConnection_ThenNeverSeenInRosterOrder()
    {
        _fleet.MarkConnected(803, IPAddress.Loopback);
        _time.Advance(TimeSpan.FromSeconds(1));
        _fleet.MarkConnected(801, IPAddress.Loopback);
        _time.Advance(TimeSpan.FromSeconds(1));
        _fleet.MarkConnected(803, IPAddress.Loopback); // reconnects: moves to the front, no duplicate

        _fleet.GetSnapshot().Motions.Select(m => m.Id).Should().Equal(803, 801, 802, 804);
    }

    [Fact]
    public void StatusChanges_AreRaised_WithSinceUpdated()
    {
        var changes = new List<MotionStatusChange>();
        _fleet.StatusChanged += (_, c) => changes.Add(c);

        _fleet.MarkConnected(801, IPAddress.Loopback);
        _time.Advance(TimeSpan.FromSeconds(3));
        _fleet.MarkPending(801);

        changes.Select(c => (c.Previous, c.Current)).Should().Equal((MotionStatus.Waiting, MotionStatus.Connected), (MotionStatus.Connected, MotionStatus.Pending));
        _fleet.GetMotion(801)!.Since.Should().Be(_time.GetUtcNow());
    }

    [Fact]
    public void MarkFailed_DiscardsTheAddress_CountsAttempts_AndPaces()
    {
        _fleet.MarkConnected(801, IPAddress.Loopback);

        _fleet.MarkFailed(801, "boom", _ => TimeSpan.FromSeconds(10)).Should().Be(1);
        _fleet.MarkFailed(801, "boom again", _ => TimeSpan.FromSeconds(10)).Should().Be(2);

        var motion = _fleet.GetMotion(801)!;
        motion.Status.Should().Be(MotionStatus.Failed);
        motion.Address.Should().BeNull();
        motion.LastError.Should().Be("boom again");
        _fleet.NotBeforeOf(801).Should().Be(_time.GetUtcNow() + TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ClaimForDetection_SkipsClaimedDevicesAndDevicesWithAnAddressOrPacing()
    {
        _fleet.MarkConnected(802, IPAddress.Loopback);
        _fleet.MarkFailed(803, "boom", _ => TimeSpan.FromSeconds(10));

        _fleet.ClaimForDetection().Should().Equal(801, 804);
        _fleet.ClaimForDetection().Should().BeEmpty("claimed devices are in the graph");
        _fleet.Release(801);
        _fleet.ClaimForDetection().Should().Equal(801);
        _time.Advance(TimeSpan.FromSeconds(10));
        _fleet.ClaimForDetection().Should().Equal(803);
    }

    [Fact]
    public void ExportAndRestore_KeepHistoryAndTimesAcrossRestarts()
    {
        _fleet.MarkConnected(802, IPAddress.Loopback);
        _fleet.MarkCompleted(802);
        var record = _fleet.ExportHistory();

        var restarted = new FleetState(_time, id => $"motion-{id}", "/event");
        restarted.ApplyRoster(_fleet.Roster);
        restarted.Restore(record);

        var motion = restarted.GetSnapshot().Motions[0];
        motion.Id.Should().Be(802);
        motion.Status.Should().Be(MotionStatus.Waiting, "a restarted server has not seen it yet");
        motion.LastSeen.Should().Be(_time.GetUtcNow());
        motion.LastCompleted.Should().Be(_time.GetUtcNow());
    }

    [Fact]
    public void Snapshot_TransferInProgress_CountsOneQueuedTrackAsDownloading()
    {
        _fleet.SetTracks(801, new TrackCounts(Queued: 2, Downloading: 0, Completed: 1, Skipped: 0, Failed: 0), 10, []);
        _fleet.SetTransfer(801, new TransferProgress("x.oao", 5, 10));

        _fleet.GetMotion(801)!.Tracks.Should().Be(new TrackCounts(1, 1, 1, 0, 0));
    }

    [Fact]
    public void MarkSeen_UpdatesLastSeen_WithoutChangingStatus()
    {
        _fleet.MarkConnected(801, IPAddress.Loopback);
        _fleet.MarkCompleted(801);
        _time.Advance(TimeSpan.FromMinutes(3));

        _fleet.MarkSeen(801);

        var motion = _fleet.GetMotion(801)!;
        motion.LastSeen.Should().Be(_time.GetUtcNow());
        motion.Status.Should().Be(MotionStatus.Completed);
        motion.Since.Should().Be(_time.GetUtcNow() - TimeSpan.FromMinutes(3));
    }
}
