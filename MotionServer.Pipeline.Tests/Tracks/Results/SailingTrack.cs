using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>
/// Builds GNSS frames of a synthetic sailing track in code: legs at a speed and course (speed and course may change
/// linearly over a leg), positions moved by speed × spacing along the course, healthy quality fields (3-D fix, 12
/// satellites, HDOP 0.90, sAcc 200 mm/s), and pauses that leave a gap.
/// </summary>
internal sealed class SailingTrack
{
    /// <summary>2026-07-04 10:00:00 UTC: the reasons' times read from here.</summary>
    public static readonly long Morning = new DateTimeOffset(2026, 7, 4, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private const double MetresPerDegree = 6_371_008.8 * Math.PI / 180;
    private readonly List<OaoGnssFrame> _frames = [];
    private readonly long _spacing;
    private long _utc;
    private double _latitude = 50.5;
    private double _longitude = -2.47;

    public SailingTrack(int frequencyHz, long startUtc = 0)
    {
        FrequencyHz = frequencyHz;
        _spacing = 1000 / frequencyHz;
        _utc = (startUtc == 0 ? Morning : startUtc) - _spacing;
    }

    public int FrequencyHz { get; }

    public int Count => _frames.Count;

    /// <summary>Frames for <paramref name="seconds"/> at a constant speed (m/s) and course (degrees).</summary>
    public SailingTrack Sail(double seconds, double speed, double heading) => Leg(seconds, speed, speed, heading, heading);

    /// <summary>Frames whose speed and course change linearly from the first values to the second.</summary>
    public SailingTrack Leg(double seconds, double fromSpeed, double toSpeed, double fromHeading, double toHeading)
    {
        int count = (int)Math.Round(seconds * 1000 / _spacing);
        for (int i = 1; i <= count; i++)
        {
            double share = (double)i / count;
            Add(fromSpeed + ((toSpeed - fromSpeed) * share), fromHeading + ((toHeading - fromHeading) * share));
        }

        return this;
    }

    /// <summary>Frames at the given speeds (m/s), one each, on a constant course.</summary>
    public SailingTrack Speeds(double heading, params double[] speeds)
    {
        foreach (double speed in speeds)
        {
            Add(speed, heading);
        }

        return this;
    }

    /// <summary>No frames for a while: a gap (the position stays).</summary>
    public SailingTrack Pause(double seconds)
    {
        _utc += (long)(seconds * 1000);
        return this;
    }

    public OaoGnssFrame[] Build() => [.. _frames];

    private void Add(double speed, double heading)
    {
        _utc += _spacing;
        double metres = speed * _spacing / 1000;
        double radians = heading * Math.PI / 180;
        _latitude += metres * Math.Cos(radians) / MetresPerDegree;
        _longitude += metres * Math.Sin(radians) / (MetresPerDegree * Math.Cos(_latitude * Math.PI / 180));
        double course = ((heading % 360) + 360) % 360;
        _frames.Add(new OaoGnssFrame
        {
            Latitude = (int)Math.Round(_latitude * 1e7),
            Longitude = (int)Math.Round(_longitude * 1e7),
            Speed = (uint)Math.Round(speed * 1000),
            Heading = (uint)Math.Round(course * 1e5),
            Utc = _utc,
            Fix = 3,
            Satellites = 12,
            SpeedAccuracy = 200,
            HorizontalAccuracy = 1000,
            VerticalAccuracy = 1500,
            HeadingAccuracy = 100_000,
            Dop = 90,
        });
    }
}
