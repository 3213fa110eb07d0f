using System.Text.Json.Serialization;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// <c>dashboards/status.json</c> (docs/status-json.md). Property order and names are the contract's; the fields
/// after <c>bytesDownloaded</c> and after <c>motions</c> are additions the contract allows.
/// </summary>
/// <param name="Generated">When the snapshot was taken, UTC, <c>2025-10-12T15:48:21Z</c>.</param>
/// <param name="Server"><c>running</c> or <c>stopped</c>.</param>
/// <param name="Motions">Devices in history order, then never-seen devices in roster order.</param>
/// <param name="RosterProblems">Problems of the roster as last re-read, or empty.</param>
/// <param name="Version">The server's version and commit, <c>0.2.0+abc1234</c> (<c>0.2.0</c> when built without git).</param>
/// <param name="Notices">Conditions that need someone to act, oldest first.</param>
/// <param name="StillOut">Ids of today's roster devices not yet on the network today, in roster order.</param>
internal sealed record StatusDocument(string Generated, string Server, IReadOnlyList<StatusMotion> Motions, IReadOnlyList<string> RosterProblems,
    string Version,
    IReadOnlyList<StatusNotice> Notices,
    IReadOnlyList<int> StillOut);

/// <summary>One notice in status.json.</summary>
/// <param name="Code">Stable code, e.g. <c>disk-space-low</c>.</param>
/// <param name="Severity"><c>warning</c> or <c>error</c>.</param>
/// <param name="Text">What is wrong and what to do.</param>
/// <param name="Since">When it started, UTC.</param>
internal sealed record StatusNotice(string Code, string Severity, string Text, string Since);

/// <summary>
/// One device in status.json. The contract's fields (<c>id</c> to <c>bytesDownloaded</c>) are always written, <c>null</c>
/// when not yet known; the fields added after them are left out while empty (<c>null</c>, <c>false</c>, <c>0</c>, no item:
/// docs/status-json.md), which halves the file at a roster of 1,000 mostly never seen.
/// </summary>
/// <param name="Id">Device id.</param>
/// <param name="Hostname">Host name.</param>
/// <param name="Status">Status word.</param>
/// <param name="Address">Network address while known.</param>
/// <param name="Since">When the status began, UTC.</param>
/// <param name="Battery">Battery, percent.</param>
/// <param name="Storage">Storage used, percent.</param>
/// <param name="Firmware">Firmware name.</param>
/// <param name="Warnings">Warnings.</param>
/// <param name="Tracks">Ledger entries by status, the one in transfer counted as downloading.</param>
/// <param name="BytesDownloaded">Total size of the completed tracks.</param>
/// <param name="LastSeen">Last found on the network, UTC (survives restarts).</param>
/// <param name="LastCompleted">Last time every track it owed was downloaded, UTC (survives restarts).</param>
/// <param name="Competitor">Competitor from the roster.</param>
/// <param name="Username">Owner name set on the device.</param>
/// <param name="CanBeDisconnected">True when the staff may take it.</param>
/// <param name="Attention">Why it needs attention, or null.</param>
/// <param name="LastError">The reason of the last failure, or null.</param>
/// <param name="Transfer">The track in transfer now, or null.</param>
/// <param name="Rate">Measured transfer rate while downloading, bytes per second (smoothed), or null when unknown.</param>
/// <param name="Remaining">Estimated seconds until every track it owes is in, while downloading, or null when unknown.</param>
/// <param name="DamagedTracks">Its completed tracks whose file failed verification (kept as downloaded), with the defects.</param>
/// <param name="SuspectCount">How many of its completed tracks the rules find suspect.</param>
/// <param name="SuspectTracks">Those tracks, newest first, with the reasons.</param>
internal sealed record StatusMotion(
    int Id,
    string Hostname,
    string Status,
    string? Address,
    string? Since,
    int? Battery,
    int? Storage,
    string? Firmware,
    IReadOnlyList<string> Warnings,
    StatusTracks Tracks,
    long BytesDownloaded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastSeen,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastCompleted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Competitor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool CanBeDisconnected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Attention,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastError,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StatusTransfer? Transfer,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Rate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Remaining,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<StatusDamagedTrack>? DamagedTracks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int SuspectCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<StatusSuspectTrack>? SuspectTracks);

/// <summary>Track counts by status.</summary>
/// <param name="Queued">Queued.</param>
/// <param name="Downloading">In transfer.</param>
/// <param name="Completed">Downloaded.</param>
/// <param name="Skipped">Skipped.</param>
/// <param name="Failed">Failed.</param>
internal sealed record StatusTracks(int Queued, int Downloading, int Completed, int Skipped, int Failed);

/// <summary>A completed track whose file failed verification.</summary>
/// <param name="File">Local file name.</param>
/// <param name="Defects">What is wrong, one sentence per defect.</param>
internal sealed record StatusDamagedTrack(string File, IReadOnlyList<string> Defects);

/// <summary>A completed track the rules find suspect (kept and counted like any other).</summary>
/// <param name="File">Local file name.</param>
/// <param name="Reasons">Why, one sentence each: the category, the time, what was wrong and the figure by the rules.</param>
internal sealed record StatusSuspectTrack(string File, IReadOnlyList<string> Reasons);

/// <summary>The track in transfer.</summary>
/// <param name="File">Local file name.</param>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="Size">Bytes announced.</param>
internal sealed record StatusTransfer(string File, long BytesReceived, long Size);
