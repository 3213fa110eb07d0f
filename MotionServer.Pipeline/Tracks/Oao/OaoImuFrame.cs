using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MotionServer.Pipeline.Tracks.Oao;

/// <summary>
/// An IMU frame (§6), mode <see cref="OaoFrameMode.Imu"/>, 32 bytes: UTC (u64) at offset 4, then ten i16 values at
/// offsets 12 to 30. The scales of the ten values are unknown; they are kept raw.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct OaoImuFrame
{
    /// <summary>Offset of the UTC (u64).</summary>
    public const int UtcOffset = 4;

    /// <summary>Offset of the first i16 value (attitude w); the others follow every 2 bytes.</summary>
    public const int ValuesOffset = 12;

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public long Utc { get; init; }

    /// <summary>Attitude quaternion w (raw).</summary>
    public short AttitudeW { get; init; }

    /// <summary>Attitude quaternion x (raw).</summary>
    public short AttitudeX { get; init; }

    /// <summary>Attitude quaternion y (raw).</summary>
    public short AttitudeY { get; init; }

    /// <summary>Attitude quaternion z (raw).</summary>
    public short AttitudeZ { get; init; }

    /// <summary>Angular velocity x (raw).</summary>
    public short AngularVelocityX { get; init; }

    /// <summary>Angular velocity y (raw).</summary>
    public short AngularVelocityY { get; init; }

    /// <summary>Angular velocity z (raw).</summary>
    public short AngularVelocityZ { get; init; }

    /// <summary>Linear acceleration x (raw).</summary>
    public short LinearAccelerationX { get; init; }

    /// <summary>Linear acceleration y (raw).</summary>
    public short LinearAccelerationY { get; init; }

    /// <summary>Linear acceleration z (raw).</summary>
    public short LinearAccelerationZ { get; init; }

    /// <summary>Reads an IMU frame; the mode and checksum are not checked here.</summary>
    /// <param name="frame">At least <see cref="OaoFrame.ImuLength"/> bytes.</param>
    public static OaoImuFrame Read(ReadOnlySpan<byte> frame)
    {
        OaoFrame.RequireLength(frame.Length, OaoFrame.ImuLength, nameof(frame));
        var values = frame[ValuesOffset..];
        return new OaoImuFrame
        {
            Utc = BinaryPrimitives.ReadInt64LittleEndian(frame[UtcOffset..]),
            AttitudeW = BinaryPrimitives.ReadInt16LittleEndian(values),
            AttitudeX = BinaryPrimitives.ReadInt16LittleEndian(values[2..]),
            AttitudeY = BinaryPrimitives.ReadInt16LittleEndian(values[4..]),
            AttitudeZ = BinaryPrimitives.ReadInt16LittleEndian(values[6..]),
            AngularVelocityX = BinaryPrimitives.ReadInt16LittleEndian(values[8..]),
            AngularVelocityY = BinaryPrimitives.ReadInt16LittleEndian(values[10..]),
            AngularVelocityZ = BinaryPrimitives.ReadInt16LittleEndian(values[12..]),
            LinearAccelerationX = BinaryPrimitives.ReadInt16LittleEndian(values[14..]),
            LinearAccelerationY = BinaryPrimitives.ReadInt16LittleEndian(values[16..]),
            LinearAccelerationZ = BinaryPrimitives.ReadInt16LittleEndian(values[18..]),
        };
    }

    /// <summary>Writes the whole frame, mode and checksum included.</summary>
    /// <param name="destination">At least <see cref="OaoFrame.ImuLength"/> bytes; exactly that many are written.</param>
    public void WriteTo(Span<byte> destination)
    {
        OaoFrame.RequireLength(destination.Length, OaoFrame.ImuLength, nameof(destination));
        var frame = destination[..OaoFrame.ImuLength];
        BinaryPrimitives.WriteInt64LittleEndian(frame[UtcOffset..], Utc);
        var values = frame[ValuesOffset..];
        BinaryPrimitives.WriteInt16LittleEndian(values, AttitudeW);
        BinaryPrimitives.WriteInt16LittleEndian(values[2..], AttitudeX);
        BinaryPrimitives.WriteInt16LittleEndian(values[4..], AttitudeY);
        BinaryPrimitives.WriteInt16LittleEndian(values[6..], AttitudeZ);
        BinaryPrimitives.WriteInt16LittleEndian(values[8..], AngularVelocityX);
        BinaryPrimitives.WriteInt16LittleEndian(values[10..], AngularVelocityY);
        BinaryPrimitives.WriteInt16LittleEndian(values[12..], AngularVelocityZ);
        BinaryPrimitives.WriteInt16LittleEndian(values[14..], LinearAccelerationX);
        BinaryPrimitives.WriteInt16LittleEndian(values[16..], LinearAccelerationY);
        BinaryPrimitives.WriteInt16LittleEndian(values[18..], LinearAccelerationZ);
        OaoFrame.Seal(frame, OaoFrameMode.Imu);
    }
}
