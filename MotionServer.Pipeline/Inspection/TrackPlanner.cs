using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks.Results;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// Decides, from a device's logs.json, the roster, its ledger and the files on disk, which tracks are the event's, which
/// are skipped by the speed filter, which must be fetched and which were renamed by a roster correction
/// (<see cref="Decide"/>, which changes nothing); then records the decisions (<see cref="Apply"/>). A dry run only lists
/// them.
/// </summary>
internal sealed class TrackPlanner(MotionServerOptions options, EventFolder folder, ITrackFiles? files = null, ITrackResultsSource? results = null)
{
    private readonly double _minBest500m = TrackFigures.KnotsToMillimetresPerSecond(options.Filters.Min500mBestKnots);
    private readonly ITrackFiles _files = files ?? new TrackFiles();
    private readonly ITrackResultsSource _results = results ?? StreamingTrackResultsSource.Default;

    /// <summary>Decides and applies: the real run's plan, the ledger changed in memory (the caller saves it).</summary>
    public TrackPlan Plan(int deviceId, IReadOnlyList<DeviceLog> logs, DeviceSettings settings, MotionRoster roster, DeviceLedger ledger) =>
        Apply(Decide(deviceId, logs, settings, roster, ledger.Entries), ledger);

    /// <summary>The decisions for a device. Writes nothing: it reads the ledger and asks the disk what is there.</summary>
    public TrackDecisions Decide(int deviceId, IReadOnlyList<DeviceLog> logs, DeviceSettings settings, MotionRoster roster, IReadOnlyDictionary<string, LedgerEntry> ledger)
    {
        var refusedPaths = new List<(string, string)>();
        var eligible = EventLogs(deviceId, logs, settings.Timezone ?? options.Expected.Timezone, roster, refusedPaths);
        var named = SameSecondNames.Resolve(eligible, ledger).ToList();
        var renamer = new TrackRenamer(folder, _files, named.Select(n => n.Name.FileName));
        var tracks = named.Select(n => DecideTrack(n.Log, n.Name, ledger, renamer)).ToList();
        return new TrackDecisions(tracks, UnlistedEntries.Settle(ledger, logs, tracks), refusedPaths);
    }

    /// <summary>Carries out the decisions: renames files, verifies files adopted from disk, and writes the ledger.</summary>
    public TrackPlan Apply(TrackDecisions decisions, DeviceLedger ledger)
    {
        var renamer = new TrackRenamer(folder, _files, []);
        bool changed = false;
        foreach (var track in decisions.Tracks)
        {
            changed |= ApplyTrack(track, ledger, renamer);
        }

        foreach (var unlisted in decisions.Unlisted)
        {
            changed |= unlisted.Settled is { } settled ? Set(ledger, unlisted.FileName, settled) : ledger.Remove(unlisted.FileName);
        }

        return new TrackPlan(
            decisions.Downloads(),
            [.. decisions.Tracks.Where(t => t.NewlySkipped).Select(t => t.Track)],
            [.. decisions.Tracks.Where(t => t.Adopted).Select(t => t.Track.FileName)],
            decisions.RefusedPaths,
            changed)
        {
            Renamed = [.. decisions.Renames.Select(r => (r.From, r.To))],
        };
    }

    /// <summary>The logs that are the event's, with their plain local names; refused paths are noted, the rest ignored.</summary>
    private static List<(DeviceLog Log, TrackName Name)> EventLogs(int deviceId, IReadOnlyList<DeviceLog> logs, int fallbackTimezone, MotionRoster roster, List<(string, string)> refusedPaths)
    {
        var eligible = new List<(DeviceLog Log, TrackName Name)>();
        var listedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var log in logs)
        {
            if (DevicePath.Check(log.File) is { } unsafePath)
            {
                refusedPaths.Add((log.File, unsafePath));
                continue;
            }

            if (!DevicePath.IsTrack(log.File) || !listedPaths.Add(log.File))
            {
                continue; // not an OAO track: never the event's; or the same log listed twice: planned once
            }

            var localStart = TrackName.LocalStartOf(log.StartDate, log.Timezone ?? fallbackTimezone);
            if (roster.Find(deviceId, DateOnly.FromDateTime(localStart)) is { } row)
            {
                eligible.Add((log, TrackName.Create(row.FileId, deviceId, localStart))); // outside every row: not the event's, no entry
            }
        }

        return eligible;
    }

    private TrackDecision DecideTrack(DeviceLog log, TrackName name, IReadOnlyDictionary<string, LedgerEntry> ledger, TrackRenamer renamer)
    {
        var planned = new PlannedTrack(name, log, folder.TrackFile(name));
        var rename = renamer.Find(ledger, log.File, name);
        var recorded = ledger.GetValueOrDefault(name.FileName) ?? rename?.Moved;
        long? onDisk = _files.LengthOf(rename?.FromPath ?? planned.FinalPath); // renamed, the file at the old name is the one
        var decided = TrackEntryRules.Decide(planned, recorded, onDisk, _minBest500m, out bool fromDisk);
        string? refusal = null;
        if (decided.Status is LedgerStatus.Queued or LedgerStatus.Failed && log.Size > options.Limits.MaxTrackBytes)
        {
            refusal = $"{name.FileName} is announced as {log.Size} bytes, more than Limits:MaxTrackBytes ({options.Limits.MaxTrackBytes})";
            decided = decided with { Status = LedgerStatus.Failed, Error = refusal };
        }

        return new TrackDecision(planned, recorded, decided) { Rename = rename, FromDisk = fromDisk, Refusal = refusal };
    }

    private bool ApplyTrack(TrackDecision track, DeviceLedger ledger, TrackRenamer renamer)
    {
        bool renamed = false;
        if (track.Rename is { } rename)
        {
            renamer.Apply(rename);
            renamed = ledger.Remove(rename.From);
        }

        var entry = track.Decided;
        if (track.FromDisk)
        {
            // Complete on disk but not (or no longer) in the ledger, e.g. a ledger lost or rebuilt: adopted, verified
            // like a download (a file of the right length may still be a damaged copy), with its results.
            var found = _results.Check(track.Track.FinalPath, track.Track.Log.Figures);
            entry = entry with { Verification = LedgerVerification.From(found.Verdict), Results = LedgerResults.From(found.Results) };
        }

        return Set(ledger, track.Track.FileName, entry) | renamed;
    }

    private static bool Set(DeviceLedger ledger, string fileName, LedgerEntry entry)
    {
        if (ledger.Find(fileName) == entry)
        {
            return false;
        }

        ledger.Set(fileName, entry);
        return true;
    }
}
