namespace MotionServer.Emulator.Tracks;

/// <summary>
/// The quality fields of a generated frame, slowly wandering within realistic bounds (§11): satellites 10–20,
/// speed accuracy 100–300 mm/s, horizontal accuracy 500–2000 mm, DOP 60–120, altitude within ±2 m of sea level.
/// </summary>
internal sealed class FrameNoise(Random random)
{
    private double _satellites = 14;
    private double _speedAccuracy = 180;
    private double _horizontalAccuracy = 1000;
    private double _dop = 85;
    private double _altitude;

    public byte Satellites { get; private set; }

    public uint SpeedAccuracy { get; private set; }

    public uint HorizontalAccuracy { get; private set; }

    public uint VerticalAccuracy { get; private set; }

    public uint HeadingAccuracy { get; private set; }

    public ushort Dop { get; private set; }

    public int Altitude { get; private set; }

    /// <summary>Moves every field one step; the heading accuracy follows the speed (poor when nearly still).</summary>
    public void Next(double speed)
    {
        _satellites = Wander(_satellites, 0.05, 10, 20);
        _speedAccuracy = Wander(_speedAccuracy, 4, 100, 300);
        _horizontalAccuracy = Wander(_horizontalAccuracy, 20, 500, 2000);
        _dop = Wander(_dop, 0.5, 60, 120);
        _altitude = Wander(_altitude, 40, -2000, 2000);
        Satellites = (byte)Math.Round(_satellites);
        SpeedAccuracy = (uint)Math.Round(_speedAccuracy);
        HorizontalAccuracy = (uint)Math.Round(_horizontalAccuracy);
        VerticalAccuracy = (uint)Math.Round(_horizontalAccuracy * 1.5);
        Dop = (ushort)Math.Round(_dop);
        Altitude = (int)Math.Round(_altitude);
        double degrees = Math.Min(180, 57.3 * _speedAccuracy / Math.Max(speed, 1));
        HeadingAccuracy = (uint)Math.Round(degrees * 1e5);
    }

    private double Wander(double value, double step, double low, double high) =>
        Math.Clamp(value + ((random.NextDouble() - 0.5) * 2 * step), low, high);
}
