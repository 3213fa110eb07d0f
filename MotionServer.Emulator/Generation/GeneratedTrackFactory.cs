using MotionServer.Emulator.Devices;

namespace MotionServer.Emulator.Generation;

/// <summary>Builds a log from generated content and the figures a generator computed (device units).</summary>
internal static class GeneratedTrackFactory
{
    /// <summary>
    /// A log at the path the firmware would give it, with the figures given and plausible values for those a
    /// generator does not compute (1852 m, alpha 500 m, 1 h bests).
    /// </summary>
    public static EmulatedTrack Create(TrackSpec spec, ReadOnlyMemory<byte> content, long startDate, long endDate, long duration,
        long distance, long best2s, long best10s, long best500m)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new EmulatedTrack
        {
            Path = TrackPaths.For(spec.DeviceId, DateTimeOffset.FromUnixTimeMilliseconds(startDate), spec.TimezoneMinutes),
            Content = content,
            TimezoneMinutes = spec.TimezoneMinutes,
            StartDate = startDate,
            EndDate = endDate,
            Duration = duration,
            Distance = distance,
            Best2s = best2s,
            Best10s = best10s,
            Best500m = best500m,
            Best1852m = distance >= 1_852_000 ? best500m * 9 / 10 : 0,
            BestAlpha500m = distance >= 500_000 ? best500m * 4 / 5 : 0,
            Best1h = duration >= 3_600_000 ? distance * 1000 / duration : 0,
        };
    }
}
