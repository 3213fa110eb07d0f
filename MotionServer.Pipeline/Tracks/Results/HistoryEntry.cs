using System.Runtime.InteropServices;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// What the windows need of one frame once it has passed: 32 bytes, as a pass holds an hour and a quarter of them (a
/// frame's own speed is not here: the windows read speeds as differences of <see cref="Distance"/> and
/// <see cref="SpeedSum"/>).
/// </summary>
/// <param name="Utc">Time of the frame, ms since the epoch.</param>
/// <param name="Distance">Cumulative Doppler distance up to this frame, µm (mm/s × ms).</param>
/// <param name="SpeedSum">Cumulative sum of frame speeds up to this frame, mm/s (for windows counted in frames).</param>
/// <param name="Latitude">Degrees × 10⁷.</param>
/// <param name="Longitude">Degrees × 10⁷.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct HistoryEntry(long Utc, long Distance, long SpeedSum, int Latitude, int Longitude);
