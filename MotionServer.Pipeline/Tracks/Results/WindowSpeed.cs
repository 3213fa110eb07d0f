using System.Runtime.InteropServices;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>The mean speed of one window of frames.</summary>
/// <param name="Speed">Mean speed, mm/s (a whole number where the device truncates).</param>
/// <param name="StartSequence">Sequence of the frame the window starts from (its distance and time are the window's origin).</param>
/// <param name="FirstUtc">Time of the first frame the window holds, ms since the epoch.</param>
/// <param name="EndUtc">Time of its last frame.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct WindowSpeed(double Speed, long StartSequence, long FirstUtc, long EndUtc);
