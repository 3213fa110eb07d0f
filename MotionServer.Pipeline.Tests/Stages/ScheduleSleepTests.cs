using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Stages;
using Xunit;

namespace MotionServer.Pipeline.Tests.Stages;

public sealed class ScheduleSleepTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Sleep_EndsWhenItsDelayHasPassed_NotBefore()
    {
        using var sleep = new ScheduleSleep(_time);
        var sleeping = sleep.UntilDueOrWokenAsync(TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromMilliseconds(4999));
        sleeping.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await sleeping.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Wake_EndsTheSleepAtOnce()
    {
        using var sleep = new ScheduleSleep(_time);
        var sleeping = sleep.UntilDueOrWokenAsync(TimeSpan.FromMinutes(5));

        sleep.Wake();

        await sleeping.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Wake_WhileTheLoopIsAwake_EndsItsNextSleepAtOnce_AndOnlyThatOne()
    {
        using var sleep = new ScheduleSleep(_time);

        sleep.Wake();

        sleep.UntilDueOrWokenAsync(TimeSpan.FromMinutes(5)).IsCompleted.Should().BeTrue("it was told something while it worked");
        sleep.UntilDueOrWokenAsync(TimeSpan.FromMinutes(5)).IsCompleted.Should().BeFalse("the wake was taken by the sleep before");
    }

    [Fact]
    public async Task EachSleep_IsArmedAgain_ForItsOwnDelay()
    {
        using var sleep = new ScheduleSleep(_time);
        var first = sleep.UntilDueOrWokenAsync(TimeSpan.FromSeconds(5));
        sleep.Wake();
        await first.WaitAsync(TimeSpan.FromSeconds(10));

        var second = sleep.UntilDueOrWokenAsync(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));

        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ASleepOfNoTime_ReturnsAtOnce()
    {
        using var sleep = new ScheduleSleep(_time);

        sleep.UntilDueOrWokenAsync(TimeSpan.Zero).IsCompleted.Should().BeTrue();
    }
}
