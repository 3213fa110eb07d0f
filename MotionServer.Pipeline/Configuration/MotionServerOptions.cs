using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MotionServer.Pipeline.Configuration;

/// <summary>
/// Every Motion Server setting: the <c>MotionServer</c> configuration section. <c>AddMotionServer</c> reads it (every
/// bad or unknown key is reported, not only the first) and registers it as <c>IOptions&lt;MotionServerOptions&gt;</c>,
/// validated on start against the ranges declared here.
/// </summary>
public sealed class MotionServerOptions
{
    /// <summary>Creates the settings with their defaults.</summary>
    public MotionServerOptions()
    {
        Download = new DownloadOptions(Retry);
    }

    /// <summary>The event folder; every file the server reads or writes is below it. Default: the current directory.</summary>
    [Required(ErrorMessage = "must name a folder")]
    public string EventDirectory { get; set; } = ".";

    /// <summary>
    /// A dry run: find devices and log which tracks would be downloaded and which skipped (with the reason), writing
    /// nothing but the log (no metadata, ledger, track, dashboard or history). The host's <c>--dry-run</c> sets it. Default: false.
    /// </summary>
    public bool DryRun { get; set; }

    /// <summary>Device naming and port.</summary>
    [ValidateObjectMembers]
    public NetworkOptions Network { get; } = new();

    /// <summary>Finding devices.</summary>
    [ValidateObjectMembers]
    public DetectionOptions Detection { get; } = new();

    /// <summary>Reading metadata.</summary>
    [ValidateObjectMembers]
    public InspectionOptions Inspection { get; } = new();

    /// <summary>Downloading tracks.</summary>
    [ValidateObjectMembers]
    public DownloadOptions Download { get; }

    /// <summary>Noticing departures.</summary>
    [ValidateObjectMembers]
    public DisconnectionOptions Disconnection { get; } = new();

    /// <summary>Bounds on device answers.</summary>
    [ValidateObjectMembers]
    public LimitsOptions Limits { get; } = new();

    /// <summary>Dashboards.</summary>
    [ValidateObjectMembers]
    public DashboardOptions Dashboard { get; } = new();

    /// <summary>Stopping.</summary>
    [ValidateObjectMembers]
    public ShutdownOptions Host { get; } = new();

    /// <summary>Which tracks are worth fetching.</summary>
    [ValidateObjectMembers]
    public FiltersOptions Filters { get; } = new();

    /// <summary>Device settings the event expects.</summary>
    [ValidateObjectMembers]
    public ExpectedSettingsOptions Expected { get; } = new();

    /// <summary>Battery and storage alarms.</summary>
    [ValidateObjectMembers]
    public ThresholdsOptions Thresholds { get; } = new();

    /// <summary>Quality rules of a track's filtered figures, and when a track is suspect.</summary>
    [ValidateObjectMembers]
    public ResultsOptions Results { get; } = new();

    /// <summary>Pacing of failing devices.</summary>
    [ValidateObjectMembers]
    public RetryOptions Retry { get; } = new();

    /// <summary>Approved firmware names (info.json <c>firmware.name</c>, or the number on old firmware); others are flagged. Empty: none flagged.</summary>
    public IList<string> ApprovedFirmware { get; } = [];
}
