namespace MotionServer.Pipeline.Devices;

/// <summary>
/// The ranges a device's values must fall in to be believed. They are wide (no real track comes near them) and
/// exist so that an absurd value — 10^15 ms, a time zone of -2^31 minutes — makes its entry refused at the edge,
/// instead of an exception later in naming, the ledger, a dashboard tick or the next start.
/// </summary>
internal static class DeviceValueRanges
{
    /// <summary>2100-01-01T00:00:00Z in ms since the epoch: no later date is believed.</summary>
    public const long LatestDate = 4_102_444_800_000;

    /// <summary>UTC-12:00, in minutes east of UTC.</summary>
    public const long MinTimezone = -12 * 60;

    /// <summary>UTC+14:00, in minutes east of UTC.</summary>
    public const long MaxTimezone = 14 * 60;

    /// <summary>1 TiB: larger than any track by far, small enough that sums over a whole event cannot overflow.</summary>
    public const long MaxSize = 1L << 40;

    /// <summary>366 days, in ms.</summary>
    public const long MaxDuration = 366L * 24 * 3600 * 1000;

    /// <summary>10,000 km, in mm.</summary>
    public const long MaxDistance = 10_000L * 1000 * 1000;

    /// <summary>1 km/s (about 1,944 knots), in mm/s.</summary>
    public const long MaxSpeed = 1_000_000;

    /// <summary>A percentage.</summary>
    public const long MaxPercent = 100;
}
