using System.Diagnostics.CodeAnalysis;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// A roster correction that changes a File ID changes the name of tracks already downloaded. The file is renamed
/// (one atomic rename, never a copy) and its ledger entry moves with it: no fetch again, no second copy, and a
/// downloaded track is never deleted. Crash-safe in either order: a file found at the new name with the announced
/// length is adopted, and the old entry, left owing, is dropped as no longer produced by the device's list.
/// </summary>
/// <remarks>
/// A correction of the case only (<c>abc…</c> to <c>ABC…</c>) is the same track under the same file on a
/// case-insensitive file system: the new name is not "taken" by the file being renamed, the rename goes through a
/// temporary name (a direct one may be refused there; one stopped half-way is finished), and a ledger that already holds both names for one file
/// (left by a server before this rule) keeps only the new one.
/// </remarks>
internal sealed class TrackRenamer(EventFolder folder, ITrackFiles files, IEnumerable<string> plannedNames)
{
    private readonly HashSet<string> _planned = new(plannedNames, StringComparer.Ordinal);

    /// <summary>Decides, reading only, whether the device's log at <paramref name="motionFile"/> was downloaded under another name, to rename to <paramref name="name"/>.</summary>
    public TrackRename? Find(IReadOnlyDictionary<string, LedgerEntry> ledger, string motionFile, TrackName name)
    {
        bool recorded = ledger.ContainsKey(name.FileName);
        foreach (var (oldName, entry) in ledger)
        {
            if (!IsEarlierNameOf(oldName, entry, motionFile, out var old))
            {
                continue;
            }

            bool caseOnly = string.Equals(oldName, name.FileName, StringComparison.OrdinalIgnoreCase);
            if (recorded && !caseOnly)
            {
                continue; // the new name has its own entry: the planner decides as usual
            }

            var rename = new TrackRename(oldName, folder.TrackFile(old), name.FileName, folder.TrackFile(name),
                entry with { LocalFile = EventFolder.RelativeTrackPath(name) });
            return caseOnly ? CaseCorrection(rename, entry) : Correction(rename, entry);
        }

        return null;
    }

    /// <summary>Renames the file, when it has to move; the ledger is the caller's.</summary>
    public void Apply(TrackRename rename)
    {
        if (!rename.MovesFile)
        {
            return;
        }

        if (!DifferInCaseOnly(Path.GetFileName(rename.FromPath), rename.To))
        {
            files.Move(rename.FromPath, rename.ToPath);
            return;
        }

        string temporary = Temporary(rename.ToPath);
        files.Move(rename.FromPath, temporary);
        files.Move(temporary, rename.ToPath);
    }

    /// <summary>
    /// Where a case-only rename puts the file between its two steps: hidden, not an <c>.oao</c> (no reader takes it for a
    /// track), and not a temporary file the start-up clean-up removes; a rename stopped there is finished at the next plan.
    /// </summary>
    private static string Temporary(string toPath) => Path.Combine(Path.GetDirectoryName(toPath)!, $".{Path.GetFileName(toPath)}.renaming");

    private static bool DifferInCaseOnly(string a, string b) =>
        !string.Equals(a, b, StringComparison.Ordinal) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>A completed entry of the same device log under a name no log is planned under now.</summary>
    private bool IsEarlierNameOf(string oldName, LedgerEntry entry, string motionFile, [NotNullWhen(true)] out TrackName? old)
    {
        old = null;
        return entry.Status == LedgerStatus.Completed
            && string.Equals(entry.MotionFile, motionFile, StringComparison.Ordinal)
            && !_planned.Contains(oldName) // the old name is still another log's: not a correction
            && TrackName.TryParse(oldName, out old);
    }

    private TrackRename? Correction(TrackRename rename, LedgerEntry entry) =>
        files.LengthOf(rename.FromPath) != entry.Size || files.LengthOf(rename.ToPath) is not null
            ? null // nothing intact to rename, or the new name is taken: the planner decides as usual
            : rename;

    private TrackRename? CaseCorrection(TrackRename rename, LedgerEntry entry)
    {
        string? stored = files.NameOnDisk(rename.FromPath);
        if (stored is null && files.LengthOf(Temporary(rename.ToPath)) == entry.Size && files.NameOnDisk(rename.ToPath) is null)
        {
            return rename with { FromPath = Temporary(rename.ToPath) }; // stopped between its two steps: finish it
        }

        if (stored is null || files.LengthOf(rename.FromPath) != entry.Size)
        {
            return null; // nothing intact to rename
        }

        string? storedAtTo = files.NameOnDisk(rename.ToPath);
        if (storedAtTo is not null && !string.Equals(storedAtTo, stored, StringComparison.Ordinal))
        {
            return null; // two files (a case-sensitive file system): the new name is another file's
        }

        return rename with { MovesFile = !string.Equals(stored, rename.To, StringComparison.Ordinal) };
    }
}
