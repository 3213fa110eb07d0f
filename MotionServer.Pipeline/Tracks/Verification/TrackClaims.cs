using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Tracks.Verification;

/// <summary>
/// What the device announced for a track in logs.json, in its units (ms since the epoch, ms, mm, mm/s). A zero means
/// "not recorded" and is not compared.
/// </summary>
/// <param name="StartDate">logs.json <c>start_date</c>.</param>
/// <param name="EndDate">logs.json <c>end_date</c>.</param>
/// <param name="Duration">logs.json <c>duration</c>.</param>
/// <param name="Distance">logs.json <c>distance</c>.</param>
/// <param name="Best2s">logs.json <c>2s_best</c>.</param>
/// <param name="Best10s">logs.json <c>10s_best</c>.</param>
/// <param name="Best500m">logs.json <c>500m_best</c>.</param>
internal sealed record TrackClaims(long StartDate, long EndDate, long Duration, long Distance, long Best2s, long Best10s, long Best500m)
{
    /// <summary>The claims of a logs.json entry.</summary>
    public static TrackClaims From(DeviceLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new(log.StartDate, log.EndDate, log.Duration, log.Distance, log.Best2s, log.Best10s, log.Best500m);
    }

    /// <summary>The claims a ledger entry recorded (the device's logs.json figures at the time of the download).</summary>
    public static TrackClaims From(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.StartDate, entry.EndDate, entry.Duration, entry.Distance, entry.Best2s, entry.Best10s, entry.Best500m);
    }
}
