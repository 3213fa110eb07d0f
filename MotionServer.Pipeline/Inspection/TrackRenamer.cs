using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// A roster correction that changes a File ID changes the name of tracks already downloaded. The file is renamed
/// (one atomic rename, never a copy) and its ledger entry moves with it: no fetch again, no second copy, and a
/// downloaded track is never deleted. Crash-safe in either order: a file found at the new name with the announced
/// length is adopted, and the old entry, left owing, is dropped as no longer produced by the device's list.
/// </summary>
internal sealed class TrackRenamer(EventFolder folder, IEnumerable<string> plannedNames)
{
    private readonly HashSet<string> _planned = new(plannedNames, StringComparer.Ordinal);

    /// <returns>The old name when the track was renamed to <paramref name="name"/>; otherwise null.</returns>
    public string? RenameIfCorrected(DeviceLedger ledger, DeviceLog log, TrackName name)
    {
        if (ledger.Find(name.FileName) is not null)
        {
            return null;
        }

        foreach (var (oldName, entry) in ledger.Entries.ToArray())
        {
            if (entry.Status != LedgerStatus.Completed
                || !string.Equals(entry.MotionFile, log.File, StringComparison.Ordinal)
                || _planned.Contains(oldName) // the old name is still another log's: not a correction
                || !TrackName.TryParse(oldName, out var old))
            {
                continue;
            }

            string from = folder.TrackFile(old!);
            string to = folder.TrackFile(name);
            if (LengthOf(from) != entry.Size || File.Exists(to))
            {
                return null; // nothing intact to rename, or the new name is taken: the planner decides as usual
            }

            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Move(from, to, overwrite: false);
            _ = DirectorySync.Flush(Path.GetDirectoryName(to)!); // the rename survives a power cut
            _ = DirectorySync.Flush(Path.GetDirectoryName(from)!);
            ledger.Remove(oldName);
            ledger.Set(name.FileName, entry with { LocalFile = EventFolder.RelativeTrackPath(name) });
            return oldName;
        }

        return null;
    }

    private static long? LengthOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : null;
    }
}
