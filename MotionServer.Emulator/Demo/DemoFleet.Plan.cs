using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Fleet;
using MotionServer.Emulator.Generation;
using MotionServer.Emulator.Tracks;

namespace MotionServer.Emulator.Demo;

/// <summary>The demo's devices, roster and timetable.</summary>
internal sealed partial class DemoFleet
{
    /// <summary>The device that logs "one log per day" (an unexpected setting) and comes back with a longer day log.</summary>
    public const int OneLogPerDayDevice = 805;

    /// <summary>The device whose first download is cut once (the server retries it).</summary>
    public const int FlakyDevice = 807;

    /// <summary>The device that goes out again and comes back with a new log.</summary>
    public const int ReturningDevice = 812;

    /// <summary>The device holding a damaged log (one byte flipped): the server keeps it and warns.</summary>
    public const int DamagedTrackDevice = 811;

    /// <summary>
    /// The device whose first log of the day holds a GPS glitch (a second at 62 knots on 4 satellites): the demo's one
    /// suspect track. The first to arrive, so the flag shows early.
    /// </summary>
    public const int GlitchedTrackDevice = 801;

    /// <summary>A roster device that never shows up.</summary>
    public const int SpareDevice = 899;

    private static readonly int[] DeviceIds = [801, 802, 803, 804, 805, 806, 807, 808, 809, 810, 811, 812];

    private static FleetPlan BuildPlan(DemoFleetOptions options, TimeProvider timeProvider)
    {
        var random = new Random(options.Seed);
        var (today, now) = EventDay.Today(timeProvider);
        var (from, to) = TrackWindow.Before(now, DemoSessions.WindowSpan);
        var devices = new List<DeviceSetup>();
        var roster = new List<RosterRow>();
        foreach (int id in DeviceIds)
        {
            var profile = DemoProfile(random, id);
            int count = DemoSessions.Count(random, id, profile.Settings.OneLogPerDay);
            var tracks = new List<EmulatedTrack>();
            for (int k = 0; k < count; k++)
            {
                var (offset, length) = DemoSessions.Place(random, id, k, count, to - from);
                var start = EventDay.At(today, from + offset, profile.Settings.TimezoneMinutes);
                var glitch = id == GlitchedTrackDevice && k == 0 ? TrackGlitch.Default : null;
                tracks.Add(options.Generator.Generate(DemoSpec(random, profile, start) with { Duration = length, Glitch = glitch }));
            }

            AddQuirkTracks(random, options.Generator, profile, today, tracks);
            devices.Add(new DeviceSetup(profile, tracks));
            var rider = DemoRiders.Of(id);
            roster.Add(People.Row(random, roster.Count, id, id == 810 ? today : today.AddDays(-2), today.AddDays(4)) with { CraftType = rider.Craft, Class = rider.Class });
        }

        // A device that changed hands: someone else wore 810 earlier in the week.
        roster.Add(People.Row(random, roster.Count, 810, today.AddDays(-5), today.AddDays(-1)) with { EntryType = "Day Pass" });
        roster.Add(People.Row(random, roster.Count, SpareDevice, today.AddDays(-2), today.AddDays(4)) with { Status = "Spare" });
        roster.Add(People.Row(random, roster.Count, 0, today.AddDays(-2), today.AddDays(4)) with { FileId = "TBC0TBC", FirstName = "", FamilyName = "" });
        return new FleetPlan(devices, roster);
    }

    private static DeviceProfile DemoProfile(Random random, int id)
    {
        var profile = RealisticFleet.Profile(random, id, 60) with
        {
            Firmware = DeviceFirmware.EventBuild,
            Hardware = DeviceHardware.WirelessMini,
            Settings = DeviceSettings.EventDefaults,
            BatteryLevel = 65 + random.Next(36),
            StorageLevel = 2 + random.Next(20),
            Charging = false,
        };
        return id switch
        {
            802 => profile with { BatteryLevel = 38 },
            803 => profile with { Firmware = DeviceFirmware.Legacy },
            804 => profile with { Hardware = DeviceHardware.Lcd, Settings = profile.Settings with { CustomLed = null } },
            OneLogPerDayDevice => profile with { Settings = profile.Settings with { OneLogPerDay = true } },
            806 => profile with { BatteryLevel = 21 },
            810 => profile with { BatteryLevel = 52, Firmware = DeviceFirmware.Current },
            _ => profile,
        };
    }

    private static void AddQuirkTracks(Random random, ITrackGenerator generator, DeviceProfile profile, DateOnly today, List<EmulatedTrack> tracks)
    {
        if (profile.Id == 808)
        {
            // Switched on, never sailed: an empty log the server skips.
            var start = DateTimeOffset.FromUnixTimeMilliseconds(tracks[^1].EndDate).AddMinutes(7);
            tracks.Add(generator.Generate(DemoSpec(random, profile, start) with { Duration = TimeSpan.Zero }));
        }
        else if (profile.Id == DemoSessions.SlowSessionDevice)
        {
            // Carried up the beach with the logger on: a walk, too slow to be a session; the server skips it.
            var start = DateTimeOffset.FromUnixTimeMilliseconds(tracks[^1].EndDate).AddMinutes(10);
            tracks.Add(generator.Generate(DemoSpec(random, profile, start) with { Duration = TimeSpan.FromMinutes(20), MaxSpeedKnots = 0.8 }));
        }
        else if (profile.Id == 809)
        {
            // Last month's session: listed by the device, not the event's.
            var start = EventDay.At(today.AddDays(-30), TimeSpan.FromHours(14), profile.Settings.TimezoneMinutes);
            tracks.Insert(0, generator.Generate(DemoSpec(random, profile, start)));
        }
    }

    /// <summary>
    /// The plan with <see cref="DamagedTrackDevice"/>'s newest log damaged (one flipped byte), so the demo shows a
    /// verdict. Applied to the finished plan, not while planning: the planning pass that only records specs has no
    /// bytes to damage.
    /// </summary>
    private static FleetPlan WithDamagedTrack(FleetPlan plan) => plan with
    {
        Devices = [.. plan.Devices.Select(device => device.Profile.Id == DamagedTrackDevice
            ? device with { Tracks = [.. device.Tracks.SkipLast(1), DamagedTracks.Damage(device.Tracks[^1], Tracks.TrackDamageKind.FlippedByte)] }
            : device)],
    };

    private static TrackSpec DemoSpec(Random random, DeviceProfile profile, DateTimeOffset start) =>
        new(profile.Id, profile.Username, start, TimeSpan.FromSeconds(120 + random.Next(240)), profile.Settings.GnssRate,
            profile.Firmware.Code, profile.Settings.TimezoneMinutes, profile.Settings.OneLogPerDay,
            MaxSpeedKnots: DemoRiders.Of(profile.Id).TopKnots * (0.85 + (random.NextDouble() * 0.15)), Seed: random.Next());

    private static FleetSchedule BuildSchedule(DemoFleetOptions options, EmulatedFleet fleet)
    {
        var random = new Random(options.Seed + 1);
        var schedule = new FleetSchedule();
        var arrival = TimeSpan.FromSeconds(2);
        foreach (int id in DeviceIds)
        {
            schedule.Visit(id, arrival, Stay(TimeSpan.FromSeconds(50 + random.Next(40)), fleet[id], options.BandwidthBytesPerSecond));
            arrival += TimeSpan.FromSeconds(6 + random.Next(12));
        }

        // The flaky device's first track download is cut part-way, once.
        var flaky = fleet[FlakyDevice];
        flaky.Faults.Add(DeviceFault.AbortAfter(flaky.Tracks[0].Size / 3).On(flaky.Tracks[0].Path).Once());

        // One log per day: back later with the same day's log, longer.
        var dayLog = fleet[OneLogPerDayDevice].Tracks[0];
        schedule.Do(arrival + TimeSpan.FromSeconds(10), OneLogPerDayDevice, "logs on into the same file", device =>
            device.PutTrack(Regenerate(options.Generator, device, dayLog, TimeSpan.FromMinutes(3), random.Next())));
        schedule.Visit(OneLogPerDayDevice, arrival + TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60));

        // Went out again: back with a new log.
        schedule.Do(arrival + TimeSpan.FromSeconds(30), ReturningDevice, "sails a new session", device =>
        {
            var last = device.Tracks[^1];
            var start = DateTimeOffset.FromUnixTimeMilliseconds(last.EndDate).AddMinutes(20);
            device.AddTrack(Regenerate(options.Generator, device, last with { StartDate = start.ToUnixTimeMilliseconds() }, TimeSpan.Zero, random.Next()));
        });
        schedule.Visit(ReturningDevice, arrival + TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(60));
        return schedule;
    }

    /// <summary>At least long enough for every log to come through at the device's pace, with room for one retry of the first.</summary>
    private static TimeSpan Stay(TimeSpan stay, EmulatedDevice device, long bandwidth)
    {
        if (bandwidth <= 0)
        {
            return stay;
        }

        var transfer = TimeSpan.FromSeconds((double)device.Tracks.Sum(t => t.Size) / bandwidth);
        var needed = (transfer * 1.5) + TimeSpan.FromSeconds(30);
        return needed > stay ? needed : stay;
    }

    /// <summary>A log like <paramref name="track"/> (same start), <paramref name="longer"/> longer.</summary>
    private static EmulatedTrack Regenerate(ITrackGenerator generator, EmulatedDevice device, EmulatedTrack track, TimeSpan longer, int seed)
    {
        var profile = device.Profile;
        var spec = new TrackSpec(device.Id, profile.Username, DateTimeOffset.FromUnixTimeMilliseconds(track.StartDate),
            TimeSpan.FromMilliseconds(Math.Max(track.Duration, 60_000)) + longer, profile.Settings.GnssRate, profile.Firmware.Code,
            track.TimezoneMinutes ?? profile.Settings.TimezoneMinutes, profile.Settings.OneLogPerDay, DemoRiders.Of(device.Id).TopKnots * 0.9, seed);
        return generator.Generate(spec);
    }
}
