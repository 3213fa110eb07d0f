namespace MotionServer.Emulator.Tracks;

/// <summary>
/// A GPS glitch in a generated track: a burst of a few frames mid-track where the receiver lost its solution but still
/// reported one — a speed jump with few satellites, a hopeless DOP and a poor speed accuracy, as real logs show after a
/// fall or under a sail. The header and logs.json carry the device's figures computed from every frame (the glitch
/// included), as a device does; the sport's quality rules are what tell the glitch apart.
/// </summary>
/// <param name="Frames">How many frames the burst lasts (at 5 Hz, 6 frames are 1.2 s).</param>
/// <param name="SpeedKnots">The speed the burst reports, knots.</param>
/// <param name="Satellites">Satellites the burst's frames report.</param>
/// <param name="Dop">The burst's DOP, × 100 (9999: HDOP 99.99).</param>
/// <param name="SpeedAccuracy">The burst's speed accuracy, mm/s.</param>
/// <param name="At">Where the burst starts, as a fraction of the track's frames (0.5: mid-track).</param>
public sealed record TrackGlitch(
    int Frames = 6, double SpeedKnots = 62, byte Satellites = 4, ushort Dop = 9999, uint SpeedAccuracy = 5000, double At = 0.5)
{
    /// <summary>The glitch the demo and <c>--glitched</c> put in a track: 6 frames at 62 knots, 4 satellites, HDOP 99.99, sAcc 5 m/s.</summary>
    public static TrackGlitch Default { get; } = new();
}
