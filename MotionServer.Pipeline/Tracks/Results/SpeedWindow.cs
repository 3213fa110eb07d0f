namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// A sliding window over a <see cref="FrameHistory"/>: after each frame added, the window ending at it, if any. The
/// search gives only the speed and <see cref="Start"/>; the whole window (its times) is made only for one that is kept
/// (<see cref="Describe"/>), since nearly every window ending at a frame is slower than the best so far.
/// </summary>
/// <remarks>
/// A set of figures holds its windows in fields of their own sealed types, not as <see cref="SpeedWindow"/>: the calls
/// are then direct (and may be inlined), which matters at a dozen windows for each of a track's frames.
/// </remarks>
internal abstract class SpeedWindow
{
    /// <summary>
    /// Sequence of the frame the window ending at the newest frame starts from (its distance and time are the window's
    /// origin), once <see cref="TrySpeed"/> has found it.
    /// </summary>
    public long Start { get; protected set; }

    /// <summary>Finds the window ending at the newest frame: its speed, mm/s; false while the frames so far do not fill one.</summary>
    public abstract bool TrySpeed(FrameHistory history, out double speed);

    /// <summary>The window just found (<see cref="TrySpeed"/>), whose speed is <paramref name="speed"/>.</summary>
    public virtual WindowSpeed Describe(FrameHistory history, double speed)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new WindowSpeed(speed, Start, history[Start].Utc, history.Last.Utc);
    }
}
