using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// A File ID corrected in the roster renames the device's downloaded tracks at once, from its ledger alone: the device
/// need not come back (the roster is often fixed in the evening, after the riders have left). The same rules as a
/// correction found at inspection (<see cref="TrackRenamer"/>): one atomic rename per track, its entry moved with it,
/// nothing fetched, nothing deleted. Only completed tracks move; an owed one is named afresh when the device is inspected.
/// </summary>
internal sealed class RosterRenames(EventFolder folder, LedgerStore ledgers, FleetState fleet, FleetLog log, ITrackFiles? files = null)
{
    private readonly ITrackFiles _files = files ?? new TrackFiles();

    /// <summary>
    /// Renames the device's completed tracks whose name the roster now gives another File ID, and saves its ledger.
    /// The caller holds the device (no worker has its ledger meanwhile).
    /// </summary>
    /// <returns>How many tracks were renamed.</returns>
    public int Run(int deviceId, MotionRoster roster)
    {
        string hostname = fleet.HostnameOf(deviceId);
        var logger = log.For(deviceId);
        if (!File.Exists(folder.LedgerFile(hostname)))
        {
            return 0; // never inspected: nothing downloaded
        }

        var ledger = ledgers.Load(hostname, out string? problem);
        if (problem is not null)
        {
            InspectionStage.LedgerUnreadable(logger, hostname, problem);
        }

        var corrections = Corrections(deviceId, ledger, roster);
        var renamer = new TrackRenamer(folder, _files, corrections.Select(c => c.Name.FileName));
        var renamed = new List<TrackRename>();
        foreach (var (motionFile, name) in corrections)
        {
            if (renamer.Find(ledger.Entries, motionFile, name) is not { } rename)
            {
                continue;
            }

            renamer.Apply(rename);
            ledger.Remove(rename.From);
            if (ledger.Find(rename.To) is null)
            {
                ledger.Set(rename.To, rename.Moved);
            }

            renamed.Add(rename);
        }

        if (renamed.Count > 0)
        {
            ledgers.Save(hostname, ledger);
            LedgerSummary.Publish(fleet, deviceId, ledger);
        }

        foreach (var rename in renamed)
        {
            InspectionStage.Renamed(logger, hostname, rename.From, rename.To); // once saved: the line says it is done
        }

        return renamed.Count;
    }

    /// <summary>Every completed track of the event, by its device path, with the name the roster gives it now.</summary>
    private static List<(string MotionFile, TrackName Name)> Corrections(int deviceId, DeviceLedger ledger, MotionRoster roster)
    {
        var named = new List<(string, TrackName)>();
        foreach (var (fileName, entry) in ledger.WithStatus(LedgerStatus.Completed))
        {
            if (TrackName.TryParse(fileName, out var old) && old is not null
                && roster.Find(deviceId, DateOnly.FromDateTime(old.LocalStart)) is { } row)
            {
                var plain = TrackName.Create(row.FileId, deviceId, old.LocalStart);
                named.Add((entry.MotionFile, old.Variant is null ? plain : plain.ForSameSecond(entry.MotionFile)));
            }
        }

        return named;
    }
}
