using System.Globalization;
using System.Text.Json;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>Writes <c>status.json</c> from a snapshot (System.Text.Json, source-generated).</summary>
internal static class StatusJson
{
    /// <summary>The document for <paramref name="snapshot"/>.</summary>
    public static StatusDocument Document(FleetSnapshot snapshot) => new(
        Utc(snapshot.Generated)!,
        snapshot.Running ? "running" : "stopped",
        [.. snapshot.Motions.Select(Motion)],
        snapshot.RosterProblems,
        Versioning.ProductVersion.Current.Text,
        [.. snapshot.Notices.Select(n => new StatusNotice(n.Code, n.Severity == Notices.NoticeSeverity.Error ? "error" : "warning", n.Text, Utc(n.Since)!))],
        snapshot.StillOut);

    /// <summary>The UTF-8 bytes of status.json for <paramref name="snapshot"/>.</summary>
    public static byte[] Serialize(FleetSnapshot snapshot) =>
        JsonSerializer.SerializeToUtf8Bytes(Document(snapshot), StatusJsonContext.Default.StatusDocument);

    /// <summary>Writes the UTF-8 bytes of status.json for <paramref name="snapshot"/> to <paramref name="stream"/>.</summary>
    public static void Serialize(FleetSnapshot snapshot, Stream stream) =>
        JsonSerializer.Serialize(stream, Document(snapshot), StatusJsonContext.Default.StatusDocument);

    /// <summary>A time as the contract writes it: UTC, to the second, <c>2025-10-12T15:48:21Z</c>.</summary>
    public static string? Utc(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static StatusMotion Motion(MotionSnapshot m) => new(
        m.Id,
        m.Hostname,
        m.Status.ToContractName(),
        m.Address,
        Utc(m.Since),
        m.Battery,
        m.Storage,
        m.Firmware,
        m.Warnings,
        new StatusTracks(m.Tracks.Queued, m.Tracks.Downloading, m.Tracks.Completed, m.Tracks.Skipped, m.Tracks.Failed),
        m.BytesDownloaded,
        Utc(m.LastSeen),
        Utc(m.LastCompleted),
        m.Competitor,
        m.Username,
        m.CanBeDisconnected,
        m.Attention,
        m.LastError,
        m.Transfer is { } t ? new StatusTransfer(t.FileName, t.BytesReceived, t.Size) : null,
        TransferFigures.Rate(m.Transfer),
        TransferFigures.RemainingSeconds(m.Transfer),
        NullWhenEmpty([.. m.DamagedTracks.Select(d => new StatusDamagedTrack(d.FileName, d.Verification!.Defects))]),
        m.SuspectTracks.Count,
        NullWhenEmpty([.. m.SuspectTracks.Select(t => new StatusSuspectTrack(t.FileName, [.. t.Results!.Reasons.Select(r => r.Text)]))]));

    /// <summary>An added list with no item is left out of the file (read a missing one as empty).</summary>
    private static List<T>? NullWhenEmpty<T>(List<T> items) => items.Count == 0 ? null : items;
}
