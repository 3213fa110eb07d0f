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
    private long _start;

    /// <inheritdoc />
    /// <remarks>Truncated or not: the start and whether there is a window do not depend on it, only the speed.</remarks>
    public override bool Follows(SpeedWindow leader) => leader is DistanceWindow other && other._threshold == _threshold;

    /// <inheritdoc />
    public override bool Repeats(SpeedWindow leader) => Follows(leader) && ((DistanceWindow)leader)._truncate == _truncate;

    /// <inheritdoc />
    public override WindowSpeed FromLeader(in WindowSpeed leader, FrameHistory history)
    {
        ref readonly var last = ref history.Last;
        ref readonly var start = ref history[leader.StartSequence];
                return leader with { Speed = Speed(last.Distance - start.Distance, last.Utc - start.Utc) };
    }

    /// <inheritdoc />
    public override void TakeOver(SpeedWindow leader) => _start = ((DistanceWindow)leader)._start;

    /// <inheritdoc />
    public override bool TryEndingAtNewest(FrameHistory history, out WindowSpeed window)
    {
        _start = Math.Max(_start, history.Oldest);
        ref readonly var last = ref history.Last;
        window = default;
        if (last.Distance - history[_start].Distance < _threshold)
        {
            return false;
        }

        while (_start + 1 < history.Newest && last.Distance - history[_start + 1].Distance >= _threshold)
        {
            _start++;
        }

        ref readonly var start = ref history[_start];
        long elapsed = last.Utc - start.Utc;
        if (elapsed <= 0)
        {
            return false;
        }

        window = new WindowSpeed(Speed(last.Distance - start.Distance, elapsed), _start, start.Utc, last.Utc);
        return true;
    }

    private double Speed(long distance, long elapsed) => _truncate ? distance / elapsed : distance / (double)elapsed;
}
