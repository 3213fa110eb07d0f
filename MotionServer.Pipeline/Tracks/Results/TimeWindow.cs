namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// A window of at least a given time: for the newest frame i, the latest earlier frame j with tᵢ − tⱼ ≥ T; the
/// speed is the Doppler distance between them over their time, (D(i) − D(j)) / (tᵢ − tⱼ). With frames evenly spaced
/// this is exactly the mean of the T·f frame speeds after j (the device's count); with frames at varying spacing each
/// speed weighs as much as the time since the frame before it, and the window is never shorter than T.
/// </summary>
internal sealed class TimeWindow(long milliseconds) : SpeedWindow
{
    private readonly long _milliseconds = milliseconds;
    private long _start;

    /// <inheritdoc />
    public override bool Follows(SpeedWindow leader) => leader is TimeWindow other && other._milliseconds == _milliseconds;

    /// <inheritdoc />
    public override bool Repeats(SpeedWindow leader) => Follows(leader);

    /// <inheritdoc />
    public override void TakeOver(SpeedWindow leader) => _start = ((TimeWindow)leader)._start;

    /// <inheritdoc />
    public override bool TryEndingAtNewest(FrameHistory history, out WindowSpeed window)
    {
        _start = Math.Max(_start, history.Oldest);
        ref readonly var last = ref history.Last;
        while (_start < history.Newest && last.Utc - history[_start + 1].Utc >= _milliseconds)
        {
            _start++;
        }

        ref readonly var start = ref history[_start];
        long elapsed = last.Utc - start.Utc;
        if (_start >= history.Newest || elapsed < _milliseconds)
        {
            window = default;
            return false;
        }

        window = new WindowSpeed((last.Distance - start.Distance) / (double)elapsed, _start, start.Utc, last.Utc);
        return true;
    }
}
