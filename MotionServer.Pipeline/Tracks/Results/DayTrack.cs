namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>One completed track as a day's results count it.</summary>
/// <param name="DeviceId">The device that recorded it.</param>
/// <param name="LocalStart">Its local start (the device's time zone): its day is the date of this.</param>
/// <param name="Duration">Its recording length, counted as time on the water when it has no results.</param>
/// <param name="Results">Its results by the rules, or null when it was downloaded before results existed.</param>
internal sealed record DayTrack(int DeviceId, DateTime LocalStart, TimeSpan Duration, TrackResults? Results)
{
    /// <summary>The time on the water it adds to its day.</summary>
    public TimeSpan TimeOnWater => Results is null ? Duration : Results.Figures.TimeOnWater;
}
