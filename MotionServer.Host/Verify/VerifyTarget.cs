using MotionServer.Pipeline.Storage;

namespace MotionServer.Host.Verify;

/// <summary>One track to verify: its file, its device and, when a ledger lists it, its entry (the device's logs.json figures).</summary>
/// <param name="Path">The file (absolute).</param>
/// <param name="Name">The file name as the table shows it.</param>
/// <param name="Device">The device's host name, or "—" when unknown.</param>
/// <param name="Entry">The ledger entry, or null when no ledger lists the file.</param>
/// <param name="Missing">True when a ledger says <c>completed</c> but the file is not on disk.</param>
internal sealed record VerifyTarget(string Path, string Name, string Device, LedgerEntry? Entry, bool Missing = false);
