using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Reliability.Support;

/// <summary>What the event folder must end up holding for an emulated fleet: every eligible track under its contract name.</summary>
internal static class ExpectedTracks
{
    private static readonly double MinBest500m = TrackFigures.KnotsToMillimetresPerSecond(1);

    /// <summary>The local file name of a track, or null when it is not the event's (no roster row covers its local date).</summary>
    public static string? FileName(MotionRoster roster, int deviceId, EmulatedTrack track)
    {
        var localStart = TrackName.LocalStartOf(track.StartDate, track.TimezoneMinutes ?? 60);
        return roster.Find(deviceId, DateOnly.FromDateTime(localStart)) is { } row
            ? TrackName.Create(row.FileId, deviceId, localStart).FileName
            : null;
    }

    /// <summary>The tracks a device owes now: the event's, above the speed filter, by local file name.</summary>
    public static IReadOnlyDictionary<string, EmulatedTrack> Of(EmulatedDevice device, MotionRoster roster)
    {
        var owed = new Dictionary<string, EmulatedTrack>(StringComparer.Ordinal);
        foreach (var track in device.Tracks)
        {
            if (track.Best500m >= MinBest500m && FileName(roster, device.Id, track) is { } name)
            {
                owed[name] = track;
            }
        }

        return owed;
    }

    /// <summary>Every track the fleet owes, by local file name.</summary>
    public static IReadOnlyDictionary<string, EmulatedTrack> Of(EmulatedFleet fleet, MotionRoster roster) =>
        fleet.Devices.Where(d => roster.Contains(d.Id)).SelectMany(d => Of(d, roster)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The device's path of the track the server saves under <paramref name="fileName"/>.</summary>
    public static string DevicePathOf(EmulatedDevice device, MotionRoster roster, string fileName) =>
        Of(device, roster)[fileName].Path;
}
