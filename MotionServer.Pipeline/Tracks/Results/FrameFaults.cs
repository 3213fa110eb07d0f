namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>Why the quality rules set a frame aside; none when it is kept.</summary>
[Flags]
internal enum FrameFaults
{
    /// <summary>Kept.</summary>
    None = 0,

    /// <summary>Fix type below the minimum (or time only).</summary>
    Fix = 1,

    /// <summary>Too few satellites.</summary>
    Satellites = 2,

    /// <summary>DOP above the maximum.</summary>
    Dop = 4,

    /// <summary>Speed accuracy (sAcc) above the maximum.</summary>
    SpeedAccuracy = 8,

    /// <summary>Speed changed faster than the maximum acceleration since the last frame kept.</summary>
    Acceleration = 16,
}
