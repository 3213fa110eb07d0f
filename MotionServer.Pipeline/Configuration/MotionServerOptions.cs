namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// Every Motion Server setting: the <c>MotionServer</c> configuration section. Bind it with
/// <see cref="MotionServerOptionsReader"/>, which reports every bad or unknown key instead of the first.
/// </summary>
public sealed class MotionServerOptions : ISettingsSection
{
    /// <summary>The event folder; every file the server reads or writes is below it. Default: the current directory.</summary>
    public string EventDirectory { get; set; } = ".";

    /// <summary>
    /// A dry run: find devices and log which tracks would be downloaded and which skipped (with the reason), writing
    /// nothing but the log (no metadata, ledger, track, dashboard or history). The host's <c>--dry-run</c> sets it. Default: false.
    /// </summary>
    public bool DryRun { get; set; }

    /// <summary>Device naming and port.</summary>
    public NetworkOptions Network { get; } = new();

    /// <summary>Finding devices.</summary>
    public DetectionOptions Detection { get; } = new();

    /// <summary>Reading metadata.</summary>
    public InspectionOptions Inspection { get; } = new();

    /// <summary>Downloading tracks.</summary>
    public DownloadOptions Download { get; } = new();

    /// <summary>Noticing departures.</summary>
    public DisconnectionOptions Disconnection { get; } = new();

    /// <summary>Bounds on device answers.</summary>
    public LimitsOptions Limits { get; } = new();

    /// <summary>Dashboards.</summary>
    public DashboardOptions Dashboard { get; } = new();

    /// <summary>Stopping.</summary>
    public ShutdownOptions Host { get; } = new();

    /// <summary>Which tracks are worth fetching.</summary>
    public FiltersOptions Filters { get; } = new();

    /// <summary>Device settings the event expects.</summary>
    public ExpectedSettingsOptions Expected { get; } = new();

    /// <summary>Battery and storage alarms.</summary>
    public ThresholdsOptions Thresholds { get; } = new();

    /// <summary>Quality rules of a track's filtered figures, and when a track is suspect.</summary>
    public ResultsOptions Results { get; } = new();

    /// <summary>Pacing of failing devices.</summary>
    public RetryOptions Retry { get; } = new();

    /// <summary>Approved firmware names (info.json <c>firmware.name</c>, or the number on old firmware); others are flagged. Empty: none flagged.</summary>
    public IList<string> ApprovedFirmware { get; } = [];
}
