using System.Buffers.Binary;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// An emergency frame (§6), mode <see cref="OaoFrameMode.Emergency"/>, 34 bytes: the GNSS frame's fields up to the UTC,
/// then an identifier whose meaning is unknown.
/// </summary>
/// <param name="Latitude">Latitude in degrees × 10⁷.</param>
/// <param name="Longitude">Longitude in degrees × 10⁷.</param>
/// <param name="Altitude">Altitude in mm.</param>
/// <param name="Speed">Ground speed in mm/s.</param>
/// <param name="Heading">Course in degrees × 10⁵.</param>
/// <param name="Utc">Milliseconds since the Unix epoch.</param>
/// <param name="Identifier">The u16 at offset 32 (meaning unknown).</param>
internal readonly record struct OaoEmergencyFrame(
    int Latitude, int Longitude, int Altitude, uint Speed, uint Heading, long Utc, ushort Identifier)
{
    /// <summary>Offset of the identifier (u16).</summary>
    public const int IdentifierOffset = 32;

    /// <summary>Reads an emergency frame; the mode and checksum are not checked here.</summary>
    /// <param name="frame">At least <see cref="OaoFrame.EmergencyLength"/> bytes.</param>
    public static OaoEmergencyFrame Read(ReadOnlySpan<byte> frame)
    {
        OaoFrame.RequireLength(frame.Length, OaoFrame.EmergencyLength, nameof(frame));
        return new OaoEmergencyFrame(
            BinaryPrimitives.ReadInt32LittleEndian(frame[OaoGnssFrame.LatitudeOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(frame[OaoGnssFrame.LongitudeOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(frame[OaoGnssFrame.AltitudeOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(frame[OaoGnssFrame.SpeedOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(frame[OaoGnssFrame.HeadingOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(frame[OaoGnssFrame.UtcOffset..]),
            BinaryPrimitives.ReadUInt16LittleEndian(frame[IdentifierOffset..]));
    }

    /// <summary>Writes the whole frame, mode and checksum included.</summary>
    /// <param name="destination">At least <see cref="OaoFrame.EmergencyLength"/> bytes; exactly that many are written.</param>
    public void WriteTo(Span<byte> destination)
    {
        OaoFrame.RequireLength(destination.Length, OaoFrame.EmergencyLength, nameof(destination));
        var frame = destination[..OaoFrame.EmergencyLength];
        BinaryPrimitives.WriteInt32LittleEndian(frame[OaoGnssFrame.LatitudeOffset..], Latitude);
        BinaryPrimitives.WriteInt32LittleEndian(frame[OaoGnssFrame.LongitudeOffset..], Longitude);
        BinaryPrimitives.WriteInt32LittleEndian(frame[OaoGnssFrame.AltitudeOffset..], Altitude);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[OaoGnssFrame.SpeedOffset..], Speed);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[OaoGnssFrame.HeadingOffset..], Heading);
        BinaryPrimitives.WriteInt64LittleEndian(frame[OaoGnssFrame.UtcOffset..], Utc);
        BinaryPrimitives.WriteUInt16LittleEndian(frame[IdentifierOffset..], Identifier);
        OaoFrame.Seal(frame, OaoFrameMode.Emergency);
    }
}
