namespace MotionServer.Pipeline.Notices;

/// <summary>The codes of the notices the server raises (status.json <c>notices[].code</c>): stable, for scripts.</summary>
public static class NoticeCodes
{
    /// <summary>The roster was changed and the new one refused; the last good roster stays in force.</summary>
    public const string RosterRefused = "roster-refused";

    /// <summary>Free space on the event folder's disk is below <c>Limits:MinFreeDiskBytes</c>; downloads are paused.</summary>
    public const string DiskSpaceLow = "disk-space-low";

    /// <summary>The <c>Network:HostsFile</c> is missing or cannot be read.</summary>
    public const string HostsFileUnreadable = "hosts-file-unreadable";

    /// <summary>The <c>Dashboard:Listen</c> server could not start.</summary>
    public const string DashboardListenFailed = "dashboard-listen-failed";

    /// <summary>The network answers unknown names with an address of <c>Network:IgnoredAddresses</c> (e.g. 10.10.10.10).</summary>
    public const string CatchAllAddress = "router-catch-all-address";

    /// <summary>One or more devices keep failing (<c>Retry:AttemptsBeforeAttention</c> failed attempts in a row).</summary>
    public const string DevicesNeedAttention = "devices-need-attention";

    /// <summary>The event folder cannot be written.</summary>
    public const string EventFolderNotWritable = "event-folder-not-writable";
}
