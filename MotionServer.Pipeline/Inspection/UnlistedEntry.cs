using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Inspection;

/// <summary>An owed or skipped ledger entry that the device's list did not produce this time, and what becomes of it.</summary>
/// <param name="FileName">Its name.</param>
/// <param name="Recorded">The entry as the ledger holds it.</param>
/// <param name="Settled">The entry to keep; null when it goes.</param>
/// <param name="Refusal">Why it can no longer be fetched, when it stays owed.</param>
internal sealed record UnlistedEntry(string FileName, LedgerEntry Recorded, LedgerEntry? Settled, string? Refusal);
