using System.Text.Json;

namespace MotionServer.Pipeline.Storage;

/// <summary>Reads and writes <c>motions/motion-&lt;id&gt;/downloads.json</c>, atomically.</summary>
internal sealed class LedgerStore(EventFolder folder)
{
    /// <summary>
    /// Loads a device's ledger; a missing file is an empty ledger. An unreadable one is moved aside
    /// (never deleted) and an empty ledger is returned: files already complete on disk are adopted again
    /// by inspection, so nothing is fetched twice.
    /// </summary>
    public DeviceLedger Load(string hostname, out string? problem) => Load(hostname, out problem, out _);

    /// <summary>
    /// Loads a device's ledger as <see cref="Load(string, out string?)"/> does, and also says which entries held values out
    /// of range (written by an older server) and were repaired or refused (<see cref="LedgerEntryRepair"/>).
    /// </summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file exists but cannot be read.</exception>
    public DeviceLedger Load(string hostname, out string? problem, out IReadOnlyList<string> repairs)
    {
        problem = null;
        repairs = [];
        string path = folder.LedgerFile(hostname);
        if (!File.Exists(path))
        {
            return new DeviceLedger();
        }

        try
        {
            var bytes = Utf8Bom.Skip(File.ReadAllBytes(path));
            var entries = JsonSerializer.Deserialize(bytes, StorageJsonContext.Default.DictionaryStringLedgerEntry);
            var kept = new List<KeyValuePair<string, LedgerEntry>>();
            var found = new List<string>();
            foreach (var (fileName, entry) in entries ?? [])
            {
                if (entry?.LocalFile is null)
                {
                    continue;
                }

                var problems = new List<string>();
                var repaired = LedgerEntryRepair.Repair(entry, problems);
                found.AddRange(problems.Select(p => $"{fileName}: {p}"));
                if (repaired is not null)
                {
                    kept.Add(new(fileName, repaired));
                }
            }

            repairs = found;
            return new DeviceLedger(kept);
        }
        catch (JsonException e)
        {
            string aside = $"{path}.unreadable-{DateTime.UtcNow:yyyyMMddHHmmss}";
            AtomicFile.Replace(path, aside);
            problem = $"{hostname}/downloads.json is not valid JSON ({e.Message}); moved aside to {Path.GetFileName(aside)} and started afresh";
            return new DeviceLedger();
        }
    }

    /// <summary>
    /// Reads a device's ledger and changes nothing on disk (a dry run): a missing file is an empty ledger, and so is an
    /// unreadable one, left where it is, with the problem.
    /// </summary>
    public DeviceLedger Peek(string hostname, out string? problem)
    {
        problem = null;
        string path = folder.LedgerFile(hostname);
        try
        {
            var entries = File.Exists(path) ? JsonSerializer.Deserialize(Utf8Bom.Skip(File.ReadAllBytes(path)), StorageJsonContext.Default.DictionaryStringLedgerEntry) : null;
            return new DeviceLedger(entries?.Where(e => e.Value?.LocalFile is not null) ?? []);
        }
        catch (JsonException e)
        {
            problem = $"{hostname}/downloads.json is not valid JSON ({e.Message}); read as empty";
            return new DeviceLedger();
        }
    }

    /// <summary>True when the device has a downloads.json (event scripts expect one for every device inspected).</summary>
    public bool Exists(string hostname) => File.Exists(folder.LedgerFile(hostname));

    /// <summary>
    /// Saves a device's ledger atomically, flushed to disk, unless the file already holds exactly that ledger (a visit
    /// that brought no new track): then nothing is written.
    /// </summary>
    public void Save(string hostname, DeviceLedger ledger)
    {
        Directory.CreateDirectory(folder.DeviceDirectory(hostname));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(ledger.Entries, StorageJsonContext.Default.IReadOnlyDictionaryStringLedgerEntry);
        AtomicFile.WriteIfChanged(folder.LedgerFile(hostname), bytes, FileDurability.Durable);
    }
}
