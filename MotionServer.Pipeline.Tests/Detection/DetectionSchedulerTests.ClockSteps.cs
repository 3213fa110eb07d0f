using System.Net;

namespace MotionServer.Pipeline.Tests.Detection;

/// <summary>
/// The wall clock stepped while the server runs (NTP correcting a laptop that ran an hour ahead, or someone setting
/// the date): the schedule keeps its pace on the monotonic clock, whatever the wall clock says.
/// </summary>
public sealed partial class DetectionSchedulerTests
{
    private static readonly TimeSpan AnHour = TimeSpan.FromHours(1);

    [Fact]
    public async Task AWallClockSetBackAnHour_StopsNoLook_ADeviceJoiningAfterItIsFoundWithinOneInterval()
    {
        Start(lookups: 256, 801, 802);
        await LookEndedAsync(801, 802); // both missed at T0: due at T0 + 5 s
        await SleepingUntilAsync(T0 + Interval);

        _time.Advance(TimeSpan.FromSeconds(1));
        _time.StepWallClock(-AnHour);
        _resolver.Answer("motion-801", IPAddress.Loopback); // joins after the step
        _time.Advance(Interval - TimeSpan.FromSeconds(1));

        await LookEndedAsync(801, 802);
        _found.Should().ContainSingle().Which.DeviceId.Should().Be(801);
        _rosterRereads.Should().Be(2, "the roster is re-read every interval, whatever the wall clock says");
    }

    [Fact]
    public async Task AWallClockSetForwardAnHour_BringsNoLookForward()
    {
        Start(lookups: 256, 801, 802);
        await LookEndedAsync(801, 802);
        await SleepingUntilAsync(T0 + Interval);

        _time.Advance(TimeSpan.FromSeconds(2));
        _time.StepWallClock(AnHour);
        _scheduler!.Return(802); // wakes the schedule at T0 + 2 s
        await LookEndedAsync(802);
        _resolver.CallsFor("motion-801").Should().Be(1, "801 is due one interval after its look, not at once because the wall clock jumped");
        _rosterRereads.Should().Be(1, "the roster is re-read one interval after the last time, not at every wake-up after a jump");

        await SleepingUntilAsync(T0 + Interval);
        _time.Advance(Interval - TimeSpan.FromSeconds(2));
        await LookEndedAsync(801);
        _resolver.CallsFor("motion-801").Should().Be(2);
        _rosterRereads.Should().Be(2);
    }

    [Fact]
    public async Task AWallClockSetBackAnHour_DoesNotStretchTheArrivalPace()
    {
        _arrivalWindow = TimeSpan.FromSeconds(3);
        Start(lookups: 256, 801, 802);
        await LookEndedAsync(801, 802);
        _resolver.Answer("motion-801", IPAddress.Loopback);
        await SleepingUntilAsync(T0 + Interval);
        _time.Advance(Interval);
        await LookEndedAsync(801, 802); // 801 arrived at T0 + 5 s: the pace eases back to Interval by T0 + 8 s
        _time.StepWallClock(-AnHour);
        var arrival = _time.GetUtcNow();

        // 802's looks follow its schedule: each wait longer, up to Interval once three seconds have passed.
        for (int looks = 0; looks < 10 && _scheduler!.DueOf(802) - _time.GetUtcNow() < Interval; looks++)
        {
            await RunToAsync(_scheduler.DueOf(802) + AnHour); // the due time shown on the wall clock, an hour behind
            await LookEndedAsync(802);
        }

        (_time.GetUtcNow() - arrival).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3)).And.BeLessThan(TimeSpan.FromSeconds(10));
        _scheduler!.DueOf(802).Should().Be(_time.GetUtcNow() + Interval, "the window ended three seconds after the arrival, not an hour later");
    }
}
