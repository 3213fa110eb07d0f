using System.Buffers.Binary;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// A point-of-interest frame (§6), mode <see cref="OaoFrameMode.Poi"/>, 34 bytes: the GNSS frame's fields up to the
/// satellite count.
/// </summary>
/// <param name="Latitude">Latitude in degrees × 10⁷.</param>
/// <param name="Longitude">Longitude in degrees × 10⁷.</param>
/// <param name="Altitude">Altitude in mm.</param>
/// <param name="Speed">Ground speed in mm/s.</param>
/// <param name="Heading">Course in degrees × 10⁵.</param>
/// <param name="Utc">Milliseconds since the Unix epoch.</param>
/// <param name="Fix">u-blox fix type (offset 32).</param>
/// <param name="Satellites">Satellites used (offset 33).</param>
internal readonly record struct OaoPoiFrame(
    int Latitude, int Longitude, int Altitude, uint Speed, uint Heading, long Utc, byte Fix, byte Satellites)
{
    /// <summary>Reads a POI frame; the mode and checksum are not checked here.</summary>
    /// <param name="frame">At least <see cref="OaoFrame.PoiLength"/> bytes.</param>
    public static OaoPoiFrame Read(ReadOnlySpan<byte> frame)
    {
        OaoFrame.RequireLength(frame.Length, OaoFrame.PoiLength, nameof(frame));
        return new OaoPoiFrame(
            BinaryPrimitives.ReadInt32LittleEndian(frame[OaoGnssFrame.LatitudeOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(frame[OaoGnssFrame.LongitudeOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(frame[OaoGnssFrame.AltitudeOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(frame[OaoGnssFrame.SpeedOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(frame[OaoGnssFrame.HeadingOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(frame[OaoGnssFrame.UtcOffset..]),
            frame[OaoGnssFrame.FixOffset],
            frame[OaoGnssFrame.SatellitesOffset]);
    }

    /// <summary>Writes the whole frame, mode and checksum included.</summary>
    /// <param name="destination">At least <see cref="OaoFrame.PoiLength"/> bytes; exactly that many are written.</param>
    public void WriteTo(Span<byte> destination)
    {
        OaoFrame.RequireLength(destination.Length, OaoFrame.PoiLength, nameof(destination));
        var frame = destination[..OaoFrame.PoiLength];
        BinaryPrimitives.WriteInt32LittleEndian(frame[OaoGnssFrame.LatitudeOffset..], Latitude);
        BinaryPrimitives.WriteInt32LittleEndian(frame[OaoGnssFrame.LongitudeOffset..], Longitude);
        BinaryPrimitives.WriteInt32LittleEndian(frame[OaoGnssFrame.AltitudeOffset..], Altitude);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[OaoGnssFrame.SpeedOffset..], Speed);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[OaoGnssFrame.HeadingOffset..], Heading);
        BinaryPrimitives.WriteInt64LittleEndian(frame[OaoGnssFrame.UtcOffset..], Utc);
        frame[OaoGnssFrame.FixOffset] = Fix;
        frame[OaoGnssFrame.SatellitesOffset] = Satellites;
        OaoFrame.Seal(frame, OaoFrameMode.Poi);
    }
}
