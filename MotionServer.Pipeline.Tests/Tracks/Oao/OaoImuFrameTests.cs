using System.Buffers.Binary;
using MotionServer.Pipeline.Tracks.Oao;

namespace MotionServer.Pipeline.Tests.Tracks.Oao;

public sealed class OaoImuFrameTests
{
    private static readonly OaoImuFrame Sample = new()
    {
        Utc = 1_663_676_976_200,
        AttitudeW = 1,
        AttitudeX = -2,
        AttitudeY = 3,
        AttitudeZ = -4,
        AngularVelocityX = 5,
        AngularVelocityY = -6,
        AngularVelocityZ = 7,
        LinearAccelerationX = -8,
        LinearAccelerationY = 9,
        LinearAccelerationZ = short.MinValue,
    };

    [Fact]
    public void WriteTo_Frame_HasUtcAt4AndTenValuesFrom12()
    {
        var bytes = new byte[OaoFrame.ImuLength];

        Sample.WriteTo(bytes);

        OaoFrame.ReadMode(bytes).Should().Be((ushort)OaoFrameMode.Imu);
        OaoChecksum.IsValid(bytes).Should().BeTrue();
        BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(4)).Should().Be(1_663_676_976_200);
        BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(12)).Should().Be(1);
        BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(22)).Should().Be(-6);
        BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(30)).Should().Be(short.MinValue);
    }

    [Fact]
    public void Read_WrittenFrame_RoundTrips()
    {
        var bytes = new byte[OaoFrame.ImuLength];
        Sample.WriteTo(bytes);

        OaoImuFrame.Read(bytes).Should().Be(Sample);
    }
}
