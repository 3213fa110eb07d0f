namespace MotionServer.Emulator.Tracks;

/// <summary>What <see cref="SyntheticTrack.Generate"/> makes: one device's log.</summary>
/// <param name="DeviceId">The header's identifier (0 to 65,535).</param>
/// <param name="Nickname">The header's nickname: ASCII, at most 10 characters.</param>
/// <param name="Start">
/// Start of the log. The header's start date is this instant moved back to a multiple of the sample period (no change
/// for a whole second); the first frame comes one period later, as on a device.
/// </param>
/// <param name="Duration">
/// Length of the log (at most 5,000,000 frames); zero gives an empty log (a header and no frames). The log holds
/// Duration / period frames, so the header's duration is Duration rounded down to a whole sample period.
/// </param>
/// <param name="FrequencyHz">GNSS rate: a divisor of 1000 from 1 to 100 (devices use 1, 2, 5 or 10).</param>
/// <param name="Firmware">The header's firmware number.</param>
/// <param name="TimezoneMinutes">The header's time zone, minutes east of UTC.</param>
/// <param name="OneLogPerDay">The header's one-log-per-day flag.</param>
/// <param name="MaxSpeedKnots">Top speed of the session; 0 gives a "never sailed" log (every speed below 1 knot).</param>
/// <param name="Seed">
/// Seed of the random speed profile, mixed with the device id and the start: the same spec always gives the same
/// bytes, and devices of a fleet generated with the default seed still sail different sessions.
/// </param>
public sealed record SyntheticTrackSpec(
    int DeviceId,
    string Nickname,
    DateTimeOffset Start,
    TimeSpan Duration,
    int FrequencyHz = 5,
    int Firmware = 3129,
    int TimezoneMinutes = 60,
    bool OneLogPerDay = false,
    double MaxSpeedKnots = 20,
    int Seed = 0)
{
    /// <summary>
    /// When true, two more header frames (identifier only, summary empty) follow the first one, so that the file is
    /// 1,536 + 52·n bytes like the sizes devices announce. What devices really put in those 1,024 bytes is unknown.
    /// </summary>
    public bool DevicePadding { get; init; }

    /// <summary>
    /// A GPS glitch mid-track (<see cref="TrackGlitch"/>), or none. The header's figures are computed from every frame,
    /// the glitch's included, as a device computes them.
    /// </summary>
    public TrackGlitch? Glitch { get; init; }
}
