using MotionServer.Emulator.Devices;

namespace MotionServer.Emulator.Fleet;

/// <summary>One device of a fleet as created: what it says, the logs it holds, its pace.</summary>
/// <param name="Profile">info.json and settings.json.</param>
/// <param name="Tracks">Its logs, in logs.json order.</param>
/// <param name="BandwidthBytesPerSecond">Its pace; null: the fleet's.</param>
internal sealed record DeviceSetup(DeviceProfile Profile, IReadOnlyList<EmulatedTrack> Tracks, long? BandwidthBytesPerSecond = null)
{
    /// <summary>A device with a default profile and no logs.</summary>
    public static DeviceSetup Empty(int id) => new(DeviceProfile.Create(id), []);
}
