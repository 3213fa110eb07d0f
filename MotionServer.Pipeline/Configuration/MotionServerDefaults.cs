namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// Every default of the <c>MotionServer</c> settings section, in one place. The contract
/// (docs/settings.md) names these values; a test pins each of them.
/// </summary>
internal static class MotionServerDefaults
{
    /// <summary>The configuration section that holds every Motion Server setting.</summary>
    public const string SectionName = "MotionServer";

    /// <summary>Device host name; <c>{id}</c> is replaced by the decimal device id.</summary>
    public const string HostnameTemplate = "motion-{id}";

    /// <summary>Device HTTP port.</summary>
    public const int Port = 80;

    /// <summary>Addresses a router may answer for every unknown name; treated as "not found".</summary>
    public static readonly IReadOnlyList<string> IgnoredAddresses = ["10.10.10.10"];

    /// <summary>Workers of every stage: 4, enough to keep a few devices downloading while others are inspected.</summary>
    public const int Workers = 4;

    /// <summary>Time between two detection sweeps.</summary>
    public static readonly TimeSpan DetectionInterval = TimeSpan.FromSeconds(5);

    /// <summary>Time between two looks at an absent device while riders arrive: about a second's wait for the last of a crowd.</summary>
    public static readonly TimeSpan DetectionArrivalInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long the arrival pace holds after the last arrival: the riders of one heat come in within a minute or two.</summary>
    public static readonly TimeSpan DetectionArrivalWindow = TimeSpan.FromMinutes(1);

    /// <summary>Time allowed for a name lookup and, separately, for a TCP connect during detection.</summary>
    public static readonly TimeSpan DetectionConnectTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Devices detection looks for at once (a name lookup, then a TCP connect), apart from the stages' workers.
    /// Enough for a roster of 1,000 whose every absent name takes 1 s to fail to be looked at every interval.
    /// </summary>
    public const int DetectionLookups = 256;

    /// <summary>
    /// Looks started a second at most: a roster of 1,000 still looked at every 5 s (190 a second at rest), and no more
    /// than 200 name queries a second at the event's router during a rush.
    /// </summary>
    public const int DetectionLookupsPerSecond = 200;

    /// <summary>Detection:NameLookup: DNS asked directly where the system would ask it.</summary>
    public const string DetectionNameLookup = "direct";

    /// <summary>Time allowed for each metadata request (info.json, settings.json, logs.json).</summary>
    public static readonly TimeSpan InspectionRequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for the next bytes of a track (not for the whole file).</summary>
    public static readonly TimeSpan DownloadRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A transfer slower than this over a <see cref="DownloadRequestTimeout"/> window counts as stalled.</summary>
    public const int MinBytesPerSecond = 1024;

    /// <summary>Failed attempts after which a device is flagged as needing attention.</summary>
    public const int AttemptsBeforeAttention = 3;

    /// <summary>Time between two disconnection probes.</summary>
    public static readonly TimeSpan DisconnectionInterval = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed for the TCP connect of a disconnection probe.</summary>
    public static readonly TimeSpan DisconnectionConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Largest JSON document accepted from a device: 4 MiB.</summary>
    public const long MaxJsonBytes = 4L * 1024 * 1024;

    /// <summary>Most entries accepted in one logs.json.</summary>
    public const int MaxLogEntries = 10_000;

    /// <summary>Largest track accepted from a device: 256 MiB.</summary>
    public const long MaxTrackBytes = 256L * 1024 * 1024;

    /// <summary>Free space that must stay on the event folder's disk, else downloads pause: 500 MiB.</summary>
    public const long MinFreeDiskBytes = 500L * 1024 * 1024;

    /// <summary>Time between two dashboard renders.</summary>
    public static readonly TimeSpan DashboardInterval = TimeSpan.FromSeconds(5);

    /// <summary>The event's own dashboard templates, relative to the event folder.</summary>
    public const string DashboardTemplates = "config/templates";

    /// <summary>The whole stop, in-flight downloads included, fits inside this.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(8);

    /// <summary>Tracks whose best 500 m speed is below this many knots are skipped.</summary>
    public const double Min500mBestKnots = 1;

    /// <summary>Expected GNSS rate in Hz.</summary>
    public const int ExpectedGnssRate = 5;

    /// <summary>Expected device time zone, minutes east of UTC.</summary>
    public const int ExpectedTimezone = 60;

    /// <summary>Expected "one log per day" setting (0 = off).</summary>
    public const int ExpectedOneLogPerDay = 0;

    /// <summary>Battery percentage below which a device is flagged.</summary>
    public const int BatteryThreshold = 60;

    /// <summary>Storage percentage above which a device is flagged.</summary>
    public const int StorageThreshold = 95;

    /// <summary>First pause before a failed device is tried again.</summary>
    public static readonly TimeSpan RetryInitialDelay = TimeSpan.FromSeconds(2);

    /// <summary>Longest pause between two attempts at a failing device.</summary>
    public static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Lowest fix type a frame needs for the filtered figures: a 3-D fix.</summary>
    public const int ResultsMinimumFix = 3;

    /// <summary>Fewest satellites a frame needs for the filtered figures (GP3S, GPSResults, ESP-GPS).</summary>
    public const int ResultsMinimumSatellites = 5;

    /// <summary>Largest HDOP a frame may have for the filtered figures (GP3S, GPSResults).</summary>
    public const double ResultsMaximumHdop = 5;

    /// <summary>Largest speed accuracy, knots, a frame may have for the filtered figures (GPSResults at 5 and 10 Hz).</summary>
    public const double ResultsMaximumSpeedAccuracyKnots = 4;

    /// <summary>Largest change of speed, m/s², from the last frame kept (GPSResults at 10 Hz).</summary>
    public const double ResultsMaximumAcceleration = 10;

    /// <summary>Longest spacing a window may span.</summary>
    public static readonly TimeSpan ResultsMaximumGap = TimeSpan.FromSeconds(2);

    /// <summary>Frames slower than this many knots add nothing to the filtered distance (GP3S).</summary>
    public const double ResultsDistanceMinimumSpeedKnots = 5;

    /// <summary>A filter changing a category by more than this many knots makes the track suspect.</summary>
    public const double ResultsSuspectThresholdKnots = 1;

    /// <summary>A filtered speed above this many knots is implausible (the sailing record is 65.45 knots).</summary>
    public const double ResultsMaximumPlausibleKnots = 70;
}
