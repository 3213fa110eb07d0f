using System.Runtime.InteropServices;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>A frame the rules set aside, with what was wrong.</summary>
/// <param name="Utc">Its time.</param>
/// <param name="Faults">Why.</param>
/// <param name="Fix">Its fix type.</param>
/// <param name="Satellites">Its satellites.</param>
/// <param name="Dop">Its DOP × 100.</param>
/// <param name="SpeedAccuracy">Its sAcc, mm/s.</param>
/// <param name="Acceleration">Its change of speed from the last frame kept, mm/s².</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct RejectedFrame(long Utc, FrameFaults Faults, int Fix, int Satellites, int Dop, long SpeedAccuracy, long Acceleration);
