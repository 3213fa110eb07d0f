using MotionServer.Pipeline.Detection;

namespace MotionServer.Pipeline.Tests.Detection;

public sealed class DueTimesTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void NextAfter_IsTheEarliestDueTimeStillToCome()
    {
        var due = new DueTimes();
        due.Set(801, S(7));
        due.Set(802, S(5));
        due.Set(803, S(9));

        due.NextAfter(S(1)).Should().Be(S(5));
        due.NextAfter(S(5)).Should().Be(S(7), "a due time that has come is not still to come");
        due.NextAfter(S(9)).Should().BeNull();
    }

    [Fact]
    public void NextAfter_PassesOverDueTimesChangedOrRemoved()
    {
        var due = new DueTimes();
        due.Set(801, S(2));
        due.Set(802, S(3));
        due.Set(801, S(6));
        due.Remove(802).Should().BeTrue();

        due.NextAfter(S(1)).Should().Be(S(6));
        due.Remove(802).Should().BeFalse();
    }

    [Fact]
    public void ADueTimeThatHasCome_IsKeptForTheClaim()
    {
        var due = new DueTimes();
        due.Set(801, S(2));

        due.NextAfter(S(3)).Should().BeNull();
        due.TryGet(801, out var at).Should().BeTrue();
        at.Should().Be(S(2));
    }

    [Fact]
    public void BringForwardTo_MovesOnlyLaterDueTimes()
    {
        var due = new DueTimes();
        due.Set(801, S(2));
        due.Set(802, S(7));
        due.Set(803, S(9));

        due.BringForwardTo(S(4));

        due.TryGet(801, out var first).Should().BeTrue();
        due.TryGet(802, out var second).Should().BeTrue();
        due.TryGet(803, out var third).Should().BeTrue();
        (first, second, third).Should().Be((S(2), S(4), S(4)));
        due.NextAfter(S(2)).Should().Be(S(4));
        due.NextAfter(S(4)).Should().BeNull("the old later entries are stale");
    }

    [Fact]
    public void ClaimOrder_PutsEveryWallClockBetweenDueAndNotYetDue()
    {
        var due = new DueTimes();
        due.Set(801, S(2));
        due.Set(802, S(3));
        due.Set(803, S(9));
        var wallClockSetBack = new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

        due.ClaimOrder(800, S(5)).Should().Be(DateTimeOffset.MinValue, "a device without a due time is due at once, first");
        due.ClaimOrder(801, S(5)).Should().BeBefore(due.ClaimOrder(802, S(5))).And.BeBefore(wallClockSetBack);
        due.ClaimOrder(803, S(5)).Should().Be(DateTimeOffset.MaxValue, "not yet due: after any wall clock");
    }

    [Fact]
    public void ClaimOrder_ALookDueOnlyByThePace_GivesWayUnlessTheDeviceIsPlausiblyArriving()
    {
        var due = new DueTimes();
        due.Set(801, S(3), regular: S(7)); // the pace's due time; its regular one is later
        due.Set(802, S(6));                // a regular due time, later than 801's
        var wallClock = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        due.ClaimOrder(801, S(6), plausiblyArriving: false).Should().BeAfter(due.ClaimOrder(802, S(6), plausiblyArriving: false))
            .And.BeBefore(wallClock, "it is still due");
        due.ClaimOrder(801, S(6), plausiblyArriving: true).Should().BeBefore(due.ClaimOrder(802, S(6), plausiblyArriving: false));
        due.ClaimOrder(801, S(7), plausiblyArriving: false).Should().BeBefore(due.ClaimOrder(802, S(7), plausiblyArriving: false),
            "once its regular time has come it waits in line like any other");
    }
}
