namespace MotionServer.Pipeline.Tracks.Oao;

#pragma warning disable CA1028 // The mode is a 16-bit field on the wire: the enum mirrors it.

/// <summary>
/// The mode of an OAO frame: its first two bytes, an unsigned 16-bit little-endian value that alone decides the
/// frame's length (<see cref="OaoFrame.GetLength(ushort)"/>).
/// </summary>
internal enum OaoFrameMode : ushort
{
    /// <summary>Not a mode of any frame (a default value, never written).</summary>
    None = 0,

    /// <summary>The 512-byte log summary (§7).</summary>
    Header = 0x0AD0,

    /// <summary>The 12-byte track frame: latitude and longitude only.</summary>
    Track = 0x0AD1,

    /// <summary>The 34-byte emergency frame: position, speed, heading, UTC and an identifier.</summary>
    Emergency = 0x0AD2,

    /// <summary>The 34-byte point-of-interest frame: position, speed, heading, UTC, fix and satellites.</summary>
    Poi = 0x0AD3,

    /// <summary>The 52-byte GNSS frame whose UTC is a whole second.</summary>
    GnssAligned = 0x0AD4,

    /// <summary>The 52-byte GNSS frame whose UTC lies between whole seconds.</summary>
    GnssUnaligned = 0x0AD5,

    /// <summary>The 32-byte IMU frame (unused past Motion 1600, per one copy of the maker's header file).</summary>
    Imu = 0x0AD6,

    /// <summary>Bytes <c>5D 7D</c> in the mode position: readers stop there (§8).</summary>
    EndMarker = 0x7D5D,
}
