using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Inspection;

/// <summary>
/// A File ID corrected in the roster: a downloaded track moves from its old name to its new one, file and ledger entry
/// together.
/// </summary>
/// <param name="From">The old name (its ledger entry goes).</param>
/// <param name="FromPath">The file to move: the old one (or where a case-only rename stopped half-way).</param>
/// <param name="To">The new name.</param>
/// <param name="ToPath">The new file.</param>
/// <param name="Moved">The old entry, pointing at the new file: what the ledger holds for the new name once renamed.</param>
internal sealed record TrackRename(string From, string FromPath, string To, string ToPath, LedgerEntry Moved)
{
    /// <summary>
    /// False when the file already bears the new name and only the ledger has to follow (a case-only correction on a
    /// case-insensitive file system, the file renamed by hand or by a server that stopped half-way).
    /// </summary>
    public bool MovesFile { get; init; } = true;
}
