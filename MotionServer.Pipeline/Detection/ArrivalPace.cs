using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// How long a device a look missed waits for its next look. Riders come off the water together: when a device
/// arrives (found after a look that missed it), every device still absent is looked for every
/// Detection:ArrivalInterval, and the pace eases back to Detection:Interval over Detection:ArrivalWindow without
/// another arrival: the wait is the time since the last arrival scaled by Interval / ArrivalWindow, never shorter
/// than ArrivalInterval (defaults: 1 s for the first 12 s, 2 s at 24 s, back to 5 s at a minute). Riders of one crowd
/// come in seconds apart; the longer the beach has been quiet, the less likely the next rider belongs to the crowd,
/// and the less a second more matters against the wait so far, while each second of the pace costs every absent
/// device a name lookup. A quiet beach costs what it did. Times are on the <see cref="ScheduleClock"/>. Used by the
/// schedule's loop only.
/// </summary>
internal sealed class ArrivalPace(DetectionOptions options)
{
    // Off when either is zero, or when the arrival interval would not be shorter than the interval.
    private readonly bool _on = options.ArrivalInterval > TimeSpan.Zero && options.ArrivalWindow > TimeSpan.Zero
        && options.ArrivalInterval < options.Interval;

    private TimeSpan? _lastArrival;

    /// <summary>The wait before the next look at a device a look missed at <paramref name="at"/>.</summary>
    public TimeSpan WaitAfterMiss(TimeSpan at)
    {
        if (_lastArrival is not { } arrival || at - arrival >= options.ArrivalWindow)
        {
            return options.Interval;
        }

        // A miss heard before the arrival it is measured from (its look started earlier) waits the shortest.
        var eased = options.Interval * ((at - arrival) / options.ArrivalWindow);
        return eased > options.ArrivalInterval ? eased : options.ArrivalInterval;
    }

    /// <summary>
    /// A device arrived at <paramref name="at"/>: the pace starts again from its shortest. Returns the latest due
    /// time an absent device may keep (one ArrivalInterval from now), or null when the pace is off.
    /// </summary>
    public TimeSpan? Arrived(TimeSpan at)
    {
        if (!_on)
        {
            return null;
        }

        _lastArrival = _lastArrival is { } last && last > at ? last : at;
        return at + options.ArrivalInterval;
    }
}
