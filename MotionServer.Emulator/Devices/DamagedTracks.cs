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
}
