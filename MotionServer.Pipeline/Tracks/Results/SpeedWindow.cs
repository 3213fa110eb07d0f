namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// A sliding window over a <see cref="FrameHistory"/>: after each frame added, the window ending at it, if any. A set of
/// figures that has seen the same frames as another (a leader) may take the leader's window instead of searching again
/// (<see cref="Follows"/>, <see cref="FromLeader"/>), and takes over its state when the two sets part
/// (<see cref="TakeOver"/>).
/// </summary>
internal abstract class SpeedWindow
{
    /// <summary>The window ending at the newest frame; false while the frames so far do not fill one.</summary>
    public abstract bool TryEndingAtNewest(FrameHistory history, out WindowSpeed window);

    /// <summary>
    /// True when, over the same frames, this window always starts where <paramref name="leader"/> does and is found
    /// exactly when it is (the same kind and length): then <see cref="FromLeader"/> gives what a search would.
    /// </summary>
    public virtual bool Follows(SpeedWindow leader) => false;

    /// <summary>
    /// True when, over the same frames, this window is <paramref name="leader"/>'s exactly, its speed included (the same
    /// kind, length and rounding): a set following another need not look at it until they part, its best being the
    /// leader's.
    /// </summary>
    public virtual bool Repeats(SpeedWindow leader) => false;

    /// <summary>
    /// This window ending at the newest frame, from the one <paramref name="leader"/> found ending there in a history of
    /// the same frames (only where <see cref="Follows"/> is true): its speed, as this window counts it.
    /// </summary>
    public virtual WindowSpeed FromLeader(in WindowSpeed leader, FrameHistory history) => leader;

    /// <summary>
    /// Takes the state of <paramref name="leader"/> (where <see cref="Follows"/> is true), which has searched the same
    /// frames while this one took its windows: from the next frame on this one searches alone.
    /// </summary>
    public virtual void TakeOver(SpeedWindow leader)
    {
    }
}
