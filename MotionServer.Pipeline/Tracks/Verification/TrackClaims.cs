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
internal sealed record TrackClaims(long StartDate, long EndDate, long Duration, long Distance, long Best2s, long Best10s, long Best500m);
