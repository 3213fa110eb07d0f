using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Generation;
using MotionServer.Emulator.Tracks;

namespace MotionServer.Emulator.Demo;

/// <summary>
/// Builds a fleet that looks like a real event's: mostly event firmware, a few old builds and LCDs, some low
/// batteries, the odd unexpected setting, today's logs plus older ones, pace spread like real WiFi.
/// </summary>
internal static class RealisticFleet
{
    /// <summary>Builds the plan; "today" is <paramref name="timeProvider"/>'s local date.</summary>
    public static FleetPlan Build(RealisticFleetOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Devices);
        ArgumentOutOfRangeException.ThrowIfNegative(options.TracksPerDevice);
        var random = new Random(options.Seed);
        var (today, now) = EventDay.Today(timeProvider);
        var devices = new List<DeviceSetup>(options.Devices);
        var roster = new List<RosterRow>(options.Devices);
        int id = options.FirstDeviceId;
        for (int i = 0; i < options.Devices; i++, id += 1 + random.Next(3))
        {
            var profile = Profile(random, id, options.TimezoneMinutes);
            var glitch = i >= options.Devices - options.GlitchedDevices ? TrackGlitch.Default : null;
            var tracks = TodaysTracks(random, options, profile, today, now, glitch).Concat(OlderTracks(random, options, profile, today)).ToList();
            devices.Add(new DeviceSetup(profile, tracks, Bandwidth(random, options)));
            roster.Add(People.Row(random, i, id, today.AddDays(-2), today.AddDays(4)));
        }

        return new FleetPlan(devices, roster);
    }

    /// <summary>Metadata with the variety seen at events.</summary>
    public static DeviceProfile Profile(Random random, int id, int timezoneMinutes)
    {
        ArgumentNullException.ThrowIfNull(random);
        bool lcd = random.Next(100) < 15;
        var settings = DeviceSettings.EventDefaults with { TimezoneMinutes = timezoneMinutes, CustomLed = lcd ? null : DeviceLed.Default };
        if (random.Next(100) < 5)
        {
            settings = random.Next(3) switch
            {
                0 => settings with { GnssRate = 10 },
                1 => settings with { OneLogPerDay = true },
                _ => settings with { TimezoneMinutes = timezoneMinutes + 60 },
            };
        }

        int firmware = random.Next(100);
        return DeviceProfile.Create(id) with
        {
            Username = People.Nickname(random),
            Hardware = lcd ? DeviceHardware.Lcd : DeviceHardware.WirelessMini,
            Firmware = firmware < 8 ? DeviceFirmware.Legacy : firmware < 28 ? DeviceFirmware.Current : DeviceFirmware.EventBuild,
            BatteryLevel = random.Next(100) < 15 ? random.Next(20, 60) : random.Next(60, 101),
            Charging = random.Next(100) < 5,
            StorageLevel = random.Next(100) < 3 ? random.Next(96, 100) : random.Next(1, 30),
            Settings = settings,
        };
    }

    private static IEnumerable<EmulatedTrack> TodaysTracks(
        Random random, RealisticFleetOptions options, DeviceProfile profile, DateOnly today, TimeSpan now, TrackGlitch? glitch)
    {
        if (options.TracksPerDevice == 0)
        {
            yield break;
        }

        var (from, to) = TrackWindow.Before(now, options.LongestTrack);
        var slot = (to - from) / options.TracksPerDevice;
        for (int k = 0; k < options.TracksPerDevice; k++)
        {
            var start = from + (slot * k) + TimeSpan.FromMinutes(random.Next(Math.Max(1, (int)(slot.TotalMinutes / 3))));
            bool empty = random.Next(100) < 8;
            var duration = empty ? TimeSpan.Zero : Between(random, options.ShortestTrack, Min(options.LongestTrack, slot * 0.9));
            var spec = Spec(random, profile, EventDay.At(today, start, profile.Settings.TimezoneMinutes), duration);
            yield return options.Generator.Generate(empty ? spec : spec with { Glitch = glitch });
            glitch = empty ? glitch : null; // one glitch, in the first log that has frames
        }
    }

    private static IEnumerable<EmulatedTrack> OlderTracks(Random random, RealisticFleetOptions options, DeviceProfile profile, DateOnly today)
    {
        for (int k = 0; k < options.OlderTracksPerDevice; k++)
        {
            var day = today.AddDays(-20 - (k * 7) - random.Next(5));
            var start = EventDay.At(day, TimeSpan.FromHours(10) + TimeSpan.FromMinutes(random.Next(300)), profile.Settings.TimezoneMinutes);
            yield return options.Generator.Generate(Spec(random, profile, start, TimeSpan.FromMinutes(random.Next(2, 8))));
        }
    }

    private static TrackSpec Spec(Random random, DeviceProfile profile, DateTimeOffset start, TimeSpan duration) =>
        new(profile.Id, profile.Username, start, duration, profile.Settings.GnssRate, profile.Firmware.Code,
            profile.Settings.TimezoneMinutes, profile.Settings.OneLogPerDay, MaxSpeedKnots: 10 + (random.NextDouble() * 25), Seed: random.Next());

    private static long Bandwidth(Random random, RealisticFleetOptions options) => options.VaryBandwidth
        ? (long)(options.BandwidthBytesPerSecond * (0.65 + (random.NextDouble() * 0.75)))
        : options.BandwidthBytesPerSecond;

    private static TimeSpan Between(Random random, TimeSpan low, TimeSpan high) =>
        high <= low ? high : low + ((high - low) * random.NextDouble());

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
