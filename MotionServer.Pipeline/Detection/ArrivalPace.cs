using MotionServer.Pipeline.Configuration;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// How long a device a look missed waits for its next look. Riders come off the water together: when a device
/// arrives (found after a look that missed it), every device still absent is looked for every
/// Detection:ArrivalInterval instead of every Detection:Interval, until Detection:ArrivalWindow has passed without
/// another arrival. A quiet beach costs what it did; the last rider of a crowd waits about a second to be found, not
/// half an interval. Times are on the <see cref="ScheduleClock"/>. Used by the schedule's loop only.
/// </summary>
internal sealed class ArrivalPace(DetectionOptions options)
{
    // Off when either is zero, or when the arrival interval would not be shorter than the interval.
    private readonly bool _on = options.ArrivalInterval > TimeSpan.Zero && options.ArrivalWindow > TimeSpan.Zero
        && options.ArrivalInterval < options.Interval;

    private TimeSpan _until = TimeSpan.MinValue;

    /// <summary>The wait before the next look at a device a look missed at <paramref name="at"/>.</summary>
    public TimeSpan WaitAfterMiss(TimeSpan at) => at < _until ? options.ArrivalInterval : options.Interval;

    /// <summary>
    /// A device arrived at <paramref name="at"/>: the pace holds for ArrivalWindow from then. Returns the latest due
    /// time an absent device may keep (one ArrivalInterval from now), or null when the pace is off.
    /// </summary>
    public TimeSpan? Arrived(TimeSpan at)
    {
        if (!_on)
        {
            return null;
        }

        _until = at + options.ArrivalWindow;
        return at + options.ArrivalInterval;
    }
}
