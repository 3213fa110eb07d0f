using System.Globalization;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Logging;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// Lists, for a dry run, every log a device announces: would be downloaded, or would be skipped and why. The
/// decisions are the planner's (the same <see cref="TrackDecisions"/> a real run applies); this type only puts them into
/// words: a line per File ID correction (the rename a real run would make), one per log, then one with the totals.
/// </summary>
internal sealed partial class DryRunReport(MotionServerOptions options, ILogger logger)
{
    /// <summary>Logs the listing of one device: a line per log, then the totals.</summary>
    public void Report(DeviceWork work, IReadOnlyList<DeviceLog> logs, DeviceSettings settings, MotionRoster roster, TrackDecisions decisions)
    {
        foreach (var rename in decisions.Renames)
        {
            WouldRename(logger, work.Hostname, rename.From, rename.To);
        }

        var downloads = decisions.Downloads().Tracks.Select(t => t.FileName).ToHashSet(StringComparer.Ordinal);
        int fallbackTimezone = settings.Timezone ?? options.Expected.Timezone;
        int wouldDownload = 0, wouldSkip = 0;
        foreach (var log in logs)
        {
            var (name, reason) = Decide(work, log, fallbackTimezone, roster, downloads, decisions);
            string summary = TrackFigures.Summary(log.Size, log.Duration, log.Distance, log.Best500m);
            if (reason is null)
            {
                WouldDownload(logger, work.Hostname, name, summary);
                wouldDownload++;
            }
            else
            {
                WouldSkip(logger, work.Hostname, name, reason, summary);
                wouldSkip++;
            }
        }

        Totals(logger, work.Hostname, wouldDownload, wouldSkip);
    }

    /// <summary>The name to list the log under (its local name when it is the event's, else its device path) and why it would be skipped, or null when it would be downloaded.</summary>
    private (string Name, string? SkipReason) Decide(DeviceWork work, DeviceLog log, int fallbackTimezone, MotionRoster roster, HashSet<string> downloads, TrackDecisions decisions)
    {
        string devicePath = LogText.Escape(log.File);
        if (DevicePath.Check(log.File) is { } unsafePath)
        {
            return (devicePath, $"refused: {unsafePath}");
        }

        if (!DevicePath.IsTrack(log.File))
        {
            return (devicePath, "not an .oao track");
        }

        var localStart = TrackName.LocalStartOf(log.StartDate, log.Timezone ?? fallbackTimezone);
        var localDate = DateOnly.FromDateTime(localStart);
        if (roster.Find(work.DeviceId, localDate) is not { } row)
        {
            return (devicePath, $"not the event's: no roster row of {work.Hostname} covers {localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        string fileName = TrackName.Create(row.FileId, work.DeviceId, localStart).FileName;
        if (downloads.Contains(fileName))
        {
            return (fileName, null);
        }

        return decisions.For(fileName)?.Decided switch
        {
            { Status: LedgerStatus.Completed } => (fileName, "already downloaded"),
            { Status: LedgerStatus.Skipped } => (fileName, string.Create(CultureInfo.InvariantCulture, $"500 m best below Filters:Min500mBestKnots ({options.Filters.Min500mBestKnots} knots)")),
            { Error: { Length: > 0 } error } => (fileName, error),
            _ => (fileName, "not owed"),
        };
    }
}
