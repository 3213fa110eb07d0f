using MotionServer.Pipeline.Detection;

namespace MotionServer.Pipeline.Tests.Detection;

public sealed class LookupBudgetTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Available_CountsTheLooksOfTheLastSecond()
    {
        var budget = new LookupBudget(perSecond: 3);
        budget.Available(S(0)).Should().Be(3);

        budget.Spend(2, S(0));
        budget.Spend(1, S(0.5));

        budget.Available(S(0.9)).Should().Be(0);
        budget.NextFree(S(0.9)).Should().Be(S(1), "the first two looks leave the window one second after they started");
        budget.Available(S(1)).Should().Be(2);
        budget.Available(S(1.5)).Should().Be(3);
    }

    [Fact]
    public void InAnySecond_NoMoreThanTheRateStart()
    {
        // Looks taken whenever allowed, every 50 ms for 10 s: never more than the rate within a second.
        var budget = new LookupBudget(perSecond: 7);
        var starts = new List<TimeSpan>();
        for (int tick = 0; tick < 200; tick++)
        {
            var now = TimeSpan.FromMilliseconds(tick * 50);
            int allowed = budget.Available(now);
            budget.Spend(allowed, now);
            starts.AddRange(Enumerable.Repeat(now, allowed));
        }

        starts.Max(at => starts.Count(other => other >= at && other < at + S(1))).Should().Be(7);
        starts.Should().HaveCount(70);
    }

    [Fact]
    public void ZeroPerSecond_IsNoLimit()
    {
        var budget = new LookupBudget(perSecond: 0);
        budget.Spend(1_000_000, S(0));

        budget.Rationed.Should().BeFalse();
        budget.Available(S(0)).Should().Be(int.MaxValue);
    }
}
