namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>What the quality rules made of one frame.</summary>
/// <param name="Faults">Why it was set aside; <see cref="FrameFaults.None"/> when kept.</param>
/// <param name="Acceleration">Change of speed from the last frame kept, mm/s per second (0 for the first frame or after a gap).</param>
/// <param name="StartsSegment">Kept, and more than the maximum gap after the last frame kept (or the first kept): no window reaches back past it.</param>
internal readonly record struct FrameVerdict(FrameFaults Faults, long Acceleration, bool StartsSegment)
{
    /// <summary>True when the frame counts for the filtered figures.</summary>
    public bool IsKept => Faults == FrameFaults.None;
}
