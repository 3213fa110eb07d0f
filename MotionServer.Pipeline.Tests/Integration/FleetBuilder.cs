using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Generation;

namespace MotionServer.Pipeline.Tests.Integration;

/// <summary>Small emulated fleets for integration tests: real OAO tracks from the generator, sailed a few hours ago.</summary>
internal static class FleetBuilder
{
    public static readonly DateTimeOffset SessionStart = new(DateTime.UtcNow.Date.AddHours(-14), TimeSpan.Zero);

    /// <summary>A generated track of <paramref name="minutes"/> minutes, the n-th session of the device.</summary>
    public static EmulatedTrack Track(int deviceId, int session = 0, double minutes = 5, double maxSpeedKnots = 20) =>
        TrackGenerators.Default.Generate(new TrackSpec(deviceId, $"N{deviceId}", SessionStart.AddHours(session), TimeSpan.FromMinutes(minutes),
            MaxSpeedKnots: maxSpeedKnots, Seed: session));

    /// <summary>A fleet whose devices each carry <paramref name="tracksPerDevice"/> tracks; joined and ready.</summary>
    public static async Task<EmulatedFleet> StartAsync(IEnumerable<int> deviceIds, int tracksPerDevice = 1, long bandwidth = 0, bool join = true)
    {
        var fleet = EmulatedFleet.Create(
            deviceIds.Select(id => new DeviceSetup(DeviceProfile.Create(id), [.. Enumerable.Range(0, tracksPerDevice).Select(s => Track(id, s))])),
            new FleetOptions { BandwidthBytesPerSecond = bandwidth });
        if (join)
        {
            await fleet.JoinAllAsync();
        }

        return fleet;
    }
}
