using MotionServer.Emulator.Devices;

namespace MotionServer.Pipeline.Tests.Emulator;

/// <summary>Hand-made tracks: deterministic bytes, known figures.</summary>
internal static class TestTracks
{
    public const long Distance = 25_224_543;
    public const long Best500m = 7622;

    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static EmulatedTrack Make(int deviceId, DateTimeOffset start, int size, int seed = 1) =>
        EmulatedTrack.FromBytes(deviceId, start, TimeSpan.FromHours(1), Bytes(size, seed)) with
        {
            Distance = Distance,
            Best2s = 7978,
            Best10s = 7788,
            Best500m = Best500m,
        };
}
