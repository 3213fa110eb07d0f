namespace MotionServer.Pipeline.Storage;

/// <summary>
/// The names of everything in the event folder (docs/event-folder.md). These match the folders
/// events already keep in their results repositories; do not rename them.
/// </summary>
internal sealed class EventFolder
{
    /// <summary>Suffix of a track being downloaded: never <c>.oao</c>, so no reader mistakes it for a track.</summary>
    public const string PartialSuffix = ".partial";

    /// <summary>Suffix of a JSON or HTML file being replaced.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Creates the layout for an event folder.</summary>
    public EventFolder(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The event folder, absolute.</summary>
    public string Root { get; }

    /// <summary><c>config/</c>.</summary>
    public string ConfigDirectory => Path.Combine(Root, "config");

    /// <summary><c>config/motions.csv</c>, the roster.</summary>
    public string RosterFile => Path.Combine(ConfigDirectory, "motions.csv");

    /// <summary><c>motions/</c>, one folder per device.</summary>
    public string MotionsDirectory => Path.Combine(Root, "motions");

    /// <summary><c>motions/history.json</c>: the history list and last seen / last completed times.</summary>
    public string HistoryFile => Path.Combine(MotionsDirectory, "history.json");

    /// <summary><c>gpslogs/</c>, the downloaded tracks by local date.</summary>
    public string TracksDirectory => Path.Combine(Root, "gpslogs");

    /// <summary><c>logs/</c>.</summary>
    public string LogsDirectory => Path.Combine(Root, "logs");

    /// <summary><c>dashboards/</c>.</summary>
    public string DashboardsDirectory => Path.Combine(Root, "dashboards");

    /// <summary><c>results/</c>, the day's results.</summary>
    public string ResultsDirectory => Path.Combine(Root, "results");

    /// <summary><c>results/&lt;yyyyMMdd&gt;.&lt;extension&gt;</c>, e.g. <c>results/20251012.csv</c>.</summary>
    public string DayResultsFile(DateOnly date, string extension) =>
        Path.Combine(ResultsDirectory, $"{date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}.{extension}");

    /// <summary>The lock file held while a server runs on this folder.</summary>
    public string LockFile => Path.Combine(Root, "motion-server.lock");

    /// <summary><c>motions/motion-&lt;id&gt;/</c>.</summary>
    public string DeviceDirectory(string hostname) => Path.Combine(MotionsDirectory, hostname);

    /// <summary><c>motions/motion-&lt;id&gt;/downloads.json</c>.</summary>
    public string LedgerFile(string hostname) => Path.Combine(DeviceDirectory(hostname), "downloads.json");

    /// <summary><c>gpslogs/&lt;yyyyMMdd&gt;/&lt;name&gt;</c> for a track name.</summary>
    public string TrackFile(Tracks.TrackName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Path.Combine(TracksDirectory, name.DateFolder, name.FileName);
    }

    /// <summary>The path of a track relative to the event folder, with forward slashes (as the ledger stores it).</summary>
    public static string RelativeTrackPath(Tracks.TrackName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return $"gpslogs/{name.DateFolder}/{name.FileName}";
    }

    /// <summary>Creates the folders the server writes to.</summary>
    public void EnsureCreated()
    {
        Directory.CreateDirectory(ConfigDirectory);
        Directory.CreateDirectory(MotionsDirectory);
        Directory.CreateDirectory(TracksDirectory);
        Directory.CreateDirectory(LogsDirectory);
        Directory.CreateDirectory(DashboardsDirectory);
    }
}
