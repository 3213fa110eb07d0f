namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>A position as the header stores it: three i32.</summary>
/// <param name="Latitude">Degrees × 10⁷.</param>
/// <param name="Longitude">Degrees × 10⁷.</param>
/// <param name="Altitude">Millimetres above mean sea level.</param>
internal readonly record struct OaoPosition(int Latitude, int Longitude, int Altitude);
