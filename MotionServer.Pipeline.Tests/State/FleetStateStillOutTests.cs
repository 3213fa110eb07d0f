using System.Net;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Tests.State;

public sealed class FleetStateStillOutTests
{
    // Now: 2025-10-13 09:00 in the event's zone (UTC+2); its local midnight was 2025-10-12 22:00 UTC.
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("Event+2", TimeSpan.FromHours(2), "Event+2", "Event+2");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 10, 13, 7, 0, 0, TimeSpan.Zero));
    private readonly FleetState _fleet;

    public FleetStateStillOutTests()
    {
        _time.SetLocalTimeZone(Zone);
        _fleet = new FleetState(_time, id => $"motion-{id}", "/event");
        _fleet.ApplyRoster(MotionRoster.Create(
        [
            Row(801, 11, 17),
            Row(802, 11, 12), // yesterday was its last day
            Row(803, 13, 13),
            Row(804, 14, 17), // not before tomorrow
            Row(805, 11, 17),
        ]));
    }

    [Fact]
    public void GetSnapshot_NobodySeen_EveryoneOnTodaysRosterIsOut()
    {
        _fleet.GetSnapshot().StillOut.Should().Equal(801, 803, 805);
    }

    [Fact]
    public void GetSnapshot_SeenToday_NoLongerOut()
    {
        _fleet.MarkConnected(803, IPAddress.Loopback);

        _fleet.GetSnapshot().StillOut.Should().Equal(801, 805);
    }

    [Fact]
    public void GetSnapshot_SeenOnlyBeforeLocalMidnight_StillOut()
    {
        _fleet.Restore(new HistoryRecord([801, 805], new Dictionary<int, DeviceTimes>
        {
            [801] = new(new DateTimeOffset(2025, 10, 12, 21, 30, 0, TimeSpan.Zero), null), // 23:30 local, yesterday
            [805] = new(new DateTimeOffset(2025, 10, 12, 22, 30, 0, TimeSpan.Zero), null), // 00:30 local, today
        }));

        _fleet.GetSnapshot().StillOut.Should().Equal(801, 803);
    }

    private static RosterEntry Row(int id, int firstDay, int lastDay) => new()
    {
        MotionId = id,
        StartDate = new DateOnly(2025, 10, firstDay),
        EndDate = new DateOnly(2025, 10, lastDay),
        FileId = $"F{id}",
    };
}
