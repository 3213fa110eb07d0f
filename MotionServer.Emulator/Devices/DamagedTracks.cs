using MotionServer.Emulator.Tracks;

namespace MotionServer.Emulator.Devices;

/// <summary>A device log whose file is damaged on the device itself: every download gets the same damaged bytes.</summary>
internal static class DamagedTracks
{
    /// <summary>
    /// <paramref name="track"/> with its content damaged. logs.json keeps announcing the log's figures, and the size of
    /// what is really served (a cut file is announced with its cut size, as a device does).
    /// </summary>
    public static EmulatedTrack Damage(EmulatedTrack track, TrackDamageKind kind)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track with { Content = TrackDamage.Apply(track.Content.Span, kind), AnnouncedSize = null };
    }

    /// <summary>
    /// The devices with the newest log (one with GNSS frames) of the first <paramref name="count"/> devices damaged,
    /// each kind of <see cref="TrackDamageKind"/> in turn; devices without such a log are passed over.
    /// </summary>
    public static IReadOnlyList<Fleet.DeviceSetup> Into(IReadOnlyList<Fleet.DeviceSetup> devices, int count)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var kinds = Enum.GetValues<TrackDamageKind>();
        var result = new List<Fleet.DeviceSetup>(devices.Count);
        int damaged = 0;
        foreach (var device in devices)
        {
            int newest = damaged < count ? LastWithFrames(device.Tracks) : -1;
            if (newest < 0)
            {
                result.Add(device);
                continue;
            }

            var tracks = device.Tracks.ToArray();
            tracks[newest] = Damage(tracks[newest], kinds[damaged++ % kinds.Length]);
            result.Add(device with { Tracks = tracks });
        }

        return result;
    }

    private static int LastWithFrames(IReadOnlyList<EmulatedTrack> tracks)
    {
        for (int i = tracks.Count - 1; i >= 0; i--)
        {
            if (tracks[i].Duration > 0 && tracks[i].Content.Length > 3 * Pipeline.Tracks.Oao.OaoFrame.HeaderLength)
            {
                return i;
            }
        }

        return -1;
    }
}
