using System.Buffers.Binary;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// The frame envelope shared by every OAO frame (§2): mode (u16, little-endian) at offset 0, checksum A and B at
/// offsets 2 and 3, then a payload whose length the mode decides. There is no length field and no sync byte.
/// </summary>
internal static class OaoFrame
{
    /// <summary>Offset of the mode.</summary>
    public const int ModeOffset = 0;

    /// <summary>Offset of checksum byte A (B follows at offset 3).</summary>
    public const int ChecksumOffset = 2;

    /// <summary>Offset of the payload.</summary>
    public const int PayloadOffset = 4;

    /// <summary>Length of a <see cref="OaoFrameMode.Header"/> frame.</summary>
    public const int HeaderLength = 512;

    /// <summary>Length of a <see cref="OaoFrameMode.Track"/> frame.</summary>
    public const int TrackLength = 12;

    /// <summary>Length of a <see cref="OaoFrameMode.Emergency"/> frame.</summary>
    public const int EmergencyLength = 34;

    /// <summary>Length of a <see cref="OaoFrameMode.Poi"/> frame.</summary>
    public const int PoiLength = 34;

    /// <summary>Length of a GNSS frame, <see cref="OaoFrameMode.GnssAligned"/> or <see cref="OaoFrameMode.GnssUnaligned"/>.</summary>
    public const int GnssLength = 52;

    /// <summary>Length of an <see cref="OaoFrameMode.Imu"/> frame.</summary>
    public const int ImuLength = 32;

    /// <summary>The length of a frame of this mode, or 0 when the mode is not a known frame (the end marker included).</summary>
    public static int GetLength(ushort mode) => (OaoFrameMode)mode switch
    {
        OaoFrameMode.Header => HeaderLength,
        OaoFrameMode.Track => TrackLength,
        OaoFrameMode.Emergency => EmergencyLength,
        OaoFrameMode.Poi => PoiLength,
        OaoFrameMode.GnssAligned or OaoFrameMode.GnssUnaligned => GnssLength,
        OaoFrameMode.Imu => ImuLength,
        _ => 0,
    };

    /// <summary>The length of a frame of this mode, or 0 when the mode is not a known frame.</summary>
    public static int GetLength(OaoFrameMode mode) => GetLength((ushort)mode);

    /// <summary>True when the mode names a known frame (not the end marker).</summary>
    public static bool IsKnown(ushort mode) => GetLength(mode) != 0;

    /// <summary>Reads the mode at the start of <paramref name="frame"/> (at least 2 bytes).</summary>
    public static ushort ReadMode(ReadOnlySpan<byte> frame) => BinaryPrimitives.ReadUInt16LittleEndian(frame);

    /// <summary>The GNSS mode a writer uses for this UTC: aligned when it is a whole second (§5).</summary>
    public static OaoFrameMode GnssModeFor(long utcMilliseconds) =>
        utcMilliseconds % 1000 == 0 ? OaoFrameMode.GnssAligned : OaoFrameMode.GnssUnaligned;

    /// <summary>Writes the mode and the checksum of a frame whose payload is already in place.</summary>
    /// <param name="frame">The whole frame, exactly as long as its mode says.</param>
    /// <param name="mode">The frame's mode.</param>
    internal static void Seal(Span<byte> frame, OaoFrameMode mode)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(frame, (ushort)mode);
        OaoChecksum.Write(frame);
    }

    /// <summary>Throws when a span of <paramref name="actual"/> bytes is shorter than a frame of <paramref name="length"/> bytes.</summary>
    internal static void RequireLength(int actual, int length, string parameterName)
    {
        if (actual < length)
        {
            throw new ArgumentException($"An OAO frame of this mode needs {length} bytes; {actual} given.", parameterName);
        }
    }
}
