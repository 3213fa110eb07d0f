namespace MotionServer.Pipeline.Tests.Detection;

/// <summary>The schedule with Detection:LookupsPerSecond: looks rationed in any one second.</summary>
public sealed partial class DetectionSchedulerTests
{
    [Fact]
    public async Task LooksStartedInOneSecond_AreAtMostLookupsPerSecond_TheOthersStartWhenTheSecondHasPassed()
    {
        _lookupsPerSecond = 2;
        Start(lookups: 256, 801, 802, 803, 804, 805);

        var first = new[] { await _resolver.NextCallAsync(), await _resolver.NextCallAsync() };
        await LookEndedAsync(801, 802);
        first.Should().OnlyContain(c => c.At == T0);
        _resolver.All.Should().HaveCount(2, "two looks a second");

        await SleepingUntilAsync(T0 + TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = new[] { await _resolver.NextCallAsync(), await _resolver.NextCallAsync() };
        await LookEndedAsync(803, 804);
        second.Should().OnlyContain(c => c.At == T0 + TimeSpan.FromSeconds(1));

        await SleepingUntilAsync(T0 + TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(1));
        (await _resolver.NextCallAsync()).Should().Be(("motion-805", T0 + TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task WithoutLookupsPerSecond_EveryDeviceIsLookedForAtOnce()
    {
        _lookupsPerSecond = 0;
        Start(lookups: 256, 801, 802, 803, 804, 805);

        for (int i = 0; i < 5; i++)
        {
            (await _resolver.NextCallAsync()).At.Should().Be(T0);
        }
    }
}
