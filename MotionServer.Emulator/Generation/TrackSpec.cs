using MotionServer.Emulator.Tracks;

namespace MotionServer.Emulator.Generation;

/// <summary>
/// What to generate: one log of a device. Mirrors <c>MotionServer.Emulator.Tracks.SyntheticTrackSpec</c>, so the
/// generator plugs in through a one-line adapter.
/// </summary>
/// <param name="DeviceId">The device.</param>
/// <param name="Nickname">The owner's short name.</param>
/// <param name="Start">When logging started.</param>
/// <param name="Duration">How long it logged (zero: an empty 1,536-byte log).</param>
/// <param name="FrequencyHz">GNSS rate.</param>
/// <param name="Firmware">Firmware build.</param>
/// <param name="TimezoneMinutes">The device's time zone, minutes east of UTC.</param>
/// <param name="OneLogPerDay">The device appends to one log per day.</param>
/// <param name="MaxSpeedKnots">Top speed of the session.</param>
/// <param name="Seed">Makes the content reproducible.</param>
/// <param name="Glitch">A GPS glitch mid-track, or none (the filler generator ignores it: its bytes are no frames).</param>
internal sealed record TrackSpec(int DeviceId, string Nickname, DateTimeOffset Start, TimeSpan Duration,
    int FrequencyHz = 5, int Firmware = 3129, int TimezoneMinutes = 60, bool OneLogPerDay = false,
    double MaxSpeedKnots = 20, int Seed = 0, TrackGlitch? Glitch = null);
