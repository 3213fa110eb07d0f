using System.Net;

namespace MotionServer.Emulator.Fleet;

/// <summary>
/// The fleet's addresses: 127.0.0.2 to 127.0.0.254, then 127.0.1.2 to 127.0.1.254, and so on. Never 127.0.0.1
/// (left to real services), never an address ending in 0, 1 or 255, never anything outside 127.0.0.0/8.
/// </summary>
internal static class LoopbackAddresses
{
    /// <summary>Addresses per third octet.</summary>
    public const int PerBlock = 253;

    /// <summary>How many devices the scheme can address.</summary>
    public const int Capacity = PerBlock * 256;

    /// <summary>The address of the device at <paramref name="index"/> (0-based).</summary>
    public static IPAddress At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
        return new IPAddress([127, 0, (byte)(index / PerBlock), (byte)(2 + (index % PerBlock))]);
    }
}
