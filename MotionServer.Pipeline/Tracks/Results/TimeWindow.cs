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

    /// <summary>
    /// Takes the start of <paramref name="leader"/>, a window of the same time that has searched the same frames while
    /// this one did not: from the next frame on this one searches alone.
    /// </summary>
    public void TakeOver(TimeWindow leader)
    {
        ArgumentNullException.ThrowIfNull(leader);
        Start = leader.Start;
    }

    /// <inheritdoc />
    public override bool TrySpeed(FrameHistory history, out double speed)
    {
        long start = Math.Max(Start, history.Oldest);
        long newest = history.Newest;
        ref readonly var last = ref history.Last;
        while (start < newest && last.Utc - history[start + 1].Utc >= _milliseconds)
        {
            start++;
        }

        Start = start;
        ref readonly var first = ref history[start];
        long elapsed = last.Utc - first.Utc;
        if (start >= newest || elapsed < _milliseconds)
        {
            speed = 0;
            return false;
        }

        speed = (last.Distance - first.Distance) / (double)elapsed;
        return true;
    }
}
