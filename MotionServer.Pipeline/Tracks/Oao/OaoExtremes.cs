namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The header's minimum or maximum record: three i32 and a u32. Motion files fill only the altitude (and, for the
/// maximum, the speed); latitude and longitude are zero.
/// </summary>
/// <param name="Latitude">Degrees × 10⁷.</param>
/// <param name="Longitude">Degrees × 10⁷.</param>
/// <param name="Altitude">Millimetres.</param>
/// <param name="Speed">mm/s.</param>
internal readonly record struct OaoExtremes(int Latitude, int Longitude, int Altitude, uint Speed);
