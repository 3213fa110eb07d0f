namespace MotionServer.Pipeline.Dashboard;

/// <summary>One device as a page shows it. Device-supplied text is cleaned (<see cref="DisplayText"/>); unknown values read "—".</summary>
internal sealed class DeviceView
{
    /// <summary>Device id.</summary>
    public required int Id { get; init; }

    /// <summary>Host name, e.g. <c>motion-817</c>.</summary>
    public required string Hostname { get; init; }

    /// <summary>Status word, e.g. <c>completed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Local time the status began, or "—".</summary>
    public required string Since { get; init; }

    /// <summary>How long ago the status began, e.g. <c>3 min ago</c>, or "".</summary>
    public required string SinceAgo { get; init; }

    /// <summary>Local time last found on the network, or "—".</summary>
    public required string LastSeen { get; init; }

    /// <summary>How long ago it was last seen, or "".</summary>
    public required string LastSeenAgo { get; init; }

    /// <summary>Local time every track it owed was last downloaded, or "—".</summary>
    public required string LastCompleted { get; init; }

    /// <summary>How long ago it last completed, or "".</summary>
    public required string LastCompletedAgo { get; init; }

    /// <summary>Network address, or "—".</summary>
    public required string Address { get; init; }

    /// <summary>Battery, e.g. <c>76%</c>, or "—".</summary>
    public required string Battery { get; init; }

    /// <summary>Storage used, e.g. <c>4%</c>, or "—".</summary>
    public required string Storage { get; init; }

    /// <summary>Firmware name, or "—".</summary>
    public required string Firmware { get; init; }

    /// <summary>Owner name set on the device, or "".</summary>
    public required string Username { get; init; }

    /// <summary>Competitor from the roster, or "—".</summary>
    public required string Competitor { get; init; }

    /// <summary>Warnings (battery low, storage high, firmware, settings, identifier).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Tracks queued.</summary>
    public required int TracksQueued { get; init; }

    /// <summary>Tracks in transfer.</summary>
    public required int TracksDownloading { get; init; }

    /// <summary>Tracks downloaded.</summary>
    public required int TracksCompleted { get; init; }

    /// <summary>Tracks skipped (too slow to be a session).</summary>
    public required int TracksSkipped { get; init; }

    /// <summary>Tracks whose last attempt failed.</summary>
    public required int TracksFailed { get; init; }

    /// <summary>Tracks still owed.</summary>
    public required int TracksOwed { get; init; }

    /// <summary>Total size of the downloaded tracks, e.g. <c>2.7 MiB</c>.</summary>
    public required string BytesDownloaded { get; init; }

    /// <summary>True while a track is in transfer.</summary>
    public required bool HasTransfer { get; init; }

    /// <summary>The track in transfer, or "".</summary>
    public required string TransferFile { get; init; }

    /// <summary>Its progress, 0 to 100.</summary>
    public required int TransferPercent { get; init; }

    /// <summary>Its progress in words, e.g. <c>0.4 of 0.9 MiB</c>, or "".</summary>
    public required string TransferText { get; init; }

    /// <summary>The measured transfer rate, e.g. <c>620 KiB/s</c>, or "" while unknown.</summary>
    public string TransferRate { get; init; } = "";

    /// <summary>Time until every track it owes is in, e.g. <c>about 3 min left</c>, or "" while unknown.</summary>
    public string TransferRemaining { get; init; } = "";

    /// <summary>True when every track it owes is downloaded: the staff may take it.</summary>
    public required bool CanBeDisconnected { get; init; }

    /// <summary>True when its failures keep coming back.</summary>
    public required bool HasAttention { get; init; }

    /// <summary>Why it needs attention, or "".</summary>
    public required string Attention { get; init; }

    /// <summary>True when its last step failed and the reason is known.</summary>
    public required bool HasLastError { get; init; }

    /// <summary>The reason of the last failure, or "".</summary>
    public required string LastError { get; init; }

    /// <summary>Consecutive failed attempts.</summary>
    public required int FailedAttempts { get; init; }

    /// <summary>Its completed tracks whose file failed verification, each <c>NAME: defects</c> (kept as downloaded).</summary>
    public IReadOnlyList<string> DamagedTracks { get; init; } = [];

    /// <summary>Its completed tracks the rules find suspect, each <c>NAME: reasons</c> (kept and counted like any other).</summary>
    public IReadOnlyList<string> SuspectTracks { get; init; } = [];

    /// <summary>
    /// True when it is off the network (waiting or disconnected) and nothing about it needs a look (no attention, error,
    /// damaged or suspect track): the index shows it as a row of the compact table of absent devices, not as a card.
    /// </summary>
    public bool Absent { get; init; }
}
