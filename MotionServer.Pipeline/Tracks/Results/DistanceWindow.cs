namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// A window of at least a given Doppler distance (oao-format §9, the device's 500 m): for the newest frame i, the
/// latest start j with D(i) − D(j) ≥ the distance; speed (D(i) − D(j)) / (tᵢ − tⱼ), truncated to mm/s for the
/// device's figures. A start that fell out of the history (a window longer than an hour and a quarter) is not formed.
/// </summary>
internal sealed class DistanceWindow(long millimetres, bool truncate) : SpeedWindow
{
    private readonly long _threshold = millimetres * 1000;
    private readonly bool _truncate = truncate;

    /// <summary>True when the last search found a window.</summary>
    public bool Found { get; private set; }

    /// <summary>
    /// The window ending at the newest frame from <paramref name="leader"/>'s, a window of the same distance (truncated
    /// or not: the start and whether there is a window do not depend on it) that has just searched the same frames:
    /// what <see cref="TrySpeed"/> would give, its speed as this window counts it, without the search.
    /// </summary>
    public bool TryFollow(DistanceWindow leader, FrameHistory history, out double speed)
    {
        TakeOver(leader);
        if (!Found)
        {
            speed = 0;
            return false;
        }

        ArgumentNullException.ThrowIfNull(history);
        ref readonly var last = ref history.Last;
        ref readonly var first = ref history[Start];
        speed = Speed(last.Distance - first.Distance, last.Utc - first.Utc);
        return true;
    }

    /// <summary>
    /// Takes the state of <paramref name="leader"/>, a window of the same distance that has searched the same frames
    /// while this one did not: from the next frame on this one searches alone.
    /// </summary>
    public void TakeOver(DistanceWindow leader)
    {
        ArgumentNullException.ThrowIfNull(leader);
        (Start, Found) = (leader.Start, leader.Found);
    }

    /// <inheritdoc />
    public override bool TrySpeed(FrameHistory history, out double speed)
    {
        long start = Math.Max(Start, history.Oldest);
        ref readonly var last = ref history.Last;
        speed = 0;
        Found = false;
        if (last.Distance - history[start].Distance < _threshold)
        {
            Start = start;
            return false;
        }

        long newest = history.Newest;
        while (start + 1 < newest && last.Distance - history[start + 1].Distance >= _threshold)
        {
            start++;
        }

        Start = start;
        ref readonly var first = ref history[start];
        long elapsed = last.Utc - first.Utc;
        if (elapsed <= 0)
        {
            return false;
        }

        speed = Speed(last.Distance - first.Distance, elapsed);
        Found = true;
        return true;
    }

    private double Speed(long distance, long elapsed) => _truncate ? distance / elapsed : distance / (double)elapsed;
}
