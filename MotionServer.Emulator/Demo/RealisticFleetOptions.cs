using MotionServer.Emulator.Generation;

namespace MotionServer.Emulator.Demo;

/// <summary>The shape of a fleet built by <see cref="RealisticFleet"/>; defaults follow the figures of real events.</summary>
internal sealed record RealisticFleetOptions
{
    /// <summary>How many devices.</summary>
    public int Devices { get; init; } = 20;

    /// <summary>Logs of today per device (the event's).</summary>
    public int TracksPerDevice { get; init; } = 3;

    /// <summary>Short logs from a month ago per device: listed, never the event's.</summary>
    public int OlderTracksPerDevice { get; init; } = 2;

    /// <summary>Median pace, bytes per second (0.65 MiB/s at real events).</summary>
    public long BandwidthBytesPerSecond { get; init; } = 680_000;

    /// <summary>Spread the pace over the devices like real WiFi does (0.42 to 0.9 MiB/s around the median).</summary>
    public bool VaryBandwidth { get; init; } = true;

    /// <summary>Makes the fleet reproducible.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The first device id; the others follow with small gaps.</summary>
    public int FirstDeviceId { get; init; } = 801;

    /// <summary>Shortest log of today.</summary>
    public TimeSpan ShortestTrack { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest log of today.</summary>
    public TimeSpan LongestTrack { get; init; } = TimeSpan.FromMinutes(100);

    /// <summary>The time zone of every device, minutes east of UTC (events expect 60).</summary>
    public int TimezoneMinutes { get; init; } = 60;

    /// <summary>
    /// Devices (the last ones) whose first sailed log of today carries a GPS glitch (<c>Tracks.TrackGlitch.Default</c>):
    /// suspect by the sport's rules, its header's bests raised by the glitch as on a device.
    /// </summary>
    public int GlitchedDevices { get; init; }

    /// <summary>Makes log content.</summary>
    public ITrackGenerator Generator { get; init; } = TrackGenerators.Default;
}
