using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// A GNSS frame (§5), mode <see cref="OaoFrameMode.GnssAligned"/> or <see cref="OaoFrameMode.GnssUnaligned"/>, 52 bytes.
/// Values keep the units of the file; the writer picks the mode from <see cref="Utc"/>.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct OaoGnssFrame
{
    /// <summary>Offset of the latitude (i32).</summary>
    public const int LatitudeOffset = 4;

    /// <summary>Offset of the longitude (i32).</summary>
    public const int LongitudeOffset = 8;

    /// <summary>Offset of the altitude (i32).</summary>
    public const int AltitudeOffset = 12;

    /// <summary>Offset of the speed (u32).</summary>
    public const int SpeedOffset = 16;

    /// <summary>Offset of the heading (u32).</summary>
    public const int HeadingOffset = 20;

    /// <summary>Offset of the UTC (u64).</summary>
    public const int UtcOffset = 24;

    /// <summary>Offset of the fix type (u8).</summary>
    public const int FixOffset = 32;

    /// <summary>Offset of the satellite count (u8).</summary>
    public const int SatellitesOffset = 33;

    /// <summary>Offset of the speed accuracy (u32).</summary>
    public const int SpeedAccuracyOffset = 34;

    /// <summary>Offset of the horizontal accuracy (u32).</summary>
    public const int HorizontalAccuracyOffset = 38;

    /// <summary>Offset of the vertical accuracy (u32).</summary>
    public const int VerticalAccuracyOffset = 42;

    /// <summary>Offset of the heading accuracy (u32).</summary>
    public const int HeadingAccuracyOffset = 46;

    /// <summary>Offset of the DOP (u16).</summary>
    public const int DopOffset = 50;

    /// <summary>Latitude in degrees × 10⁷.</summary>
    public int Latitude { get; init; }

    /// <summary>Longitude in degrees × 10⁷.</summary>
    public int Longitude { get; init; }

    /// <summary>Altitude above mean sea level, in millimetres.</summary>
    public int Altitude { get; init; }

    /// <summary>2-D ground speed in mm/s.</summary>
    public uint Speed { get; init; }

    /// <summary>Course over ground in degrees × 10⁵ (0 to 36,000,000).</summary>
    public uint Heading { get; init; }

    /// <summary>Time of the fix, milliseconds since the Unix epoch (stored as u64).</summary>
    public long Utc { get; init; }

    /// <summary>u-blox fix type: 0 none, 1 dead reckoning, 2 2-D, 3 3-D, 4 GNSS + dead reckoning, 5 time only.</summary>
    public byte Fix { get; init; }

    /// <summary>Satellites used in the solution.</summary>
    public byte Satellites { get; init; }

    /// <summary>Speed accuracy in mm/s.</summary>
    public uint SpeedAccuracy { get; init; }

    /// <summary>Horizontal accuracy in mm.</summary>
    public uint HorizontalAccuracy { get; init; }

    /// <summary>Vertical accuracy in mm.</summary>
    public uint VerticalAccuracy { get; init; }

    /// <summary>Heading accuracy in degrees × 10⁵.</summary>
    public uint HeadingAccuracy { get; init; }

    /// <summary>Dilution of precision × 100 (HDOP on Motion, PDOP on most ESP-GPS loggers).</summary>
    public ushort Dop { get; init; }

    /// <summary>Latitude in degrees.</summary>
    public double LatitudeDegrees => Latitude / 1e7;

    /// <summary>Longitude in degrees.</summary>
    public double LongitudeDegrees => Longitude / 1e7;

    /// <summary>Course over ground in degrees.</summary>
    public double HeadingDegrees => Heading / 1e5;

    /// <summary>The mode a writer gives this frame: aligned when <see cref="Utc"/> is a whole second.</summary>
    public OaoFrameMode Mode => OaoFrame.GnssModeFor(Utc);

    /// <summary>Reads a GNSS frame; the mode and checksum are not checked here (the reader does that).</summary>
    /// <param name="frame">The frame's bytes, at least <see cref="OaoFrame.GnssLength"/> of them.</param>
    public static OaoGnssFrame Read(ReadOnlySpan<byte> frame)
    {
        OaoFrame.RequireLength(frame.Length, OaoFrame.GnssLength, nameof(frame));
        return new OaoGnssFrame
        {
            Latitude = BinaryPrimitives.ReadInt32LittleEndian(frame[LatitudeOffset..]),
            Longitude = BinaryPrimitives.ReadInt32LittleEndian(frame[LongitudeOffset..]),
            Altitude = BinaryPrimitives.ReadInt32LittleEndian(frame[AltitudeOffset..]),
            Speed = BinaryPrimitives.ReadUInt32LittleEndian(frame[SpeedOffset..]),
            Heading = BinaryPrimitives.ReadUInt32LittleEndian(frame[HeadingOffset..]),
            Utc = BinaryPrimitives.ReadInt64LittleEndian(frame[UtcOffset..]),
            Fix = frame[FixOffset],
            Satellites = frame[SatellitesOffset],
            SpeedAccuracy = BinaryPrimitives.ReadUInt32LittleEndian(frame[SpeedAccuracyOffset..]),
            HorizontalAccuracy = BinaryPrimitives.ReadUInt32LittleEndian(frame[HorizontalAccuracyOffset..]),
            VerticalAccuracy = BinaryPrimitives.ReadUInt32LittleEndian(frame[VerticalAccuracyOffset..]),
            HeadingAccuracy = BinaryPrimitives.ReadUInt32LittleEndian(frame[HeadingAccuracyOffset..]),
            Dop = BinaryPrimitives.ReadUInt16LittleEndian(frame[DopOffset..]),
        };
    }

    /// <summary>Writes the whole frame, mode (from <see cref="Utc"/>) and checksum included.</summary>
    /// <param name="destination">At least <see cref="OaoFrame.GnssLength"/> bytes; exactly that many are written.</param>
    public void WriteTo(Span<byte> destination)
    {
        OaoFrame.RequireLength(destination.Length, OaoFrame.GnssLength, nameof(destination));
        var frame = destination[..OaoFrame.GnssLength];
        BinaryPrimitives.WriteInt32LittleEndian(frame[LatitudeOffset..], Latitude);
        BinaryPrimitives.WriteInt32LittleEndian(frame[LongitudeOffset..], Longitude);
        BinaryPrimitives.WriteInt32LittleEndian(frame[AltitudeOffset..], Altitude);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[SpeedOffset..], Speed);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[HeadingOffset..], Heading);
        BinaryPrimitives.WriteInt64LittleEndian(frame[UtcOffset..], Utc);
        frame[FixOffset] = Fix;
        frame[SatellitesOffset] = Satellites;
        BinaryPrimitives.WriteUInt32LittleEndian(frame[SpeedAccuracyOffset..], SpeedAccuracy);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[HorizontalAccuracyOffset..], HorizontalAccuracy);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[VerticalAccuracyOffset..], VerticalAccuracy);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[HeadingAccuracyOffset..], HeadingAccuracy);
        BinaryPrimitives.WriteUInt16LittleEndian(frame[DopOffset..], Dop);
        OaoFrame.Seal(frame, Mode);
    }
}
