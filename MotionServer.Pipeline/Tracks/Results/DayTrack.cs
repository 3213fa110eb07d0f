namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>
/// One completed track as a day's results count it: only what the table reads (the figures by the rules and whether
/// the track is suspect), since the results stage keeps one for every completed track of the event.
/// </summary>
/// <param name="DeviceId">The device that recorded it.</param>
/// <param name="LocalStart">Its local start (the device's time zone): its day is the date of this.</param>
/// <param name="Duration">Its recording length, counted as time on the water when it has no results.</param>
/// <param name="Figures">Its figures by the rules, or null when it was downloaded before results existed.</param>
/// <param name="IsSuspect">True when its results give at least one reason to doubt a figure.</param>
internal sealed record DayTrack(int DeviceId, DateTime LocalStart, TimeSpan Duration, CategoryFigures? Figures, bool IsSuspect)
{
    /// <summary>The day's track of <paramref name="results"/> (null when the track has none).</summary>
    public static DayTrack Of(int deviceId, DateTime localStart, TimeSpan duration, TrackResults? results) =>
        new(deviceId, localStart, duration, results?.Figures, results?.IsSuspect == true);

    /// <summary>The time on the water it adds to its day.</summary>
    public TimeSpan TimeOnWater => Figures is null ? Duration : Figures.TimeOnWater;
}
