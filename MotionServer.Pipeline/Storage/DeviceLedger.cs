namespace MotionServer.Pipeline.Storage;

/// <summary>
/// A device's ledger: each of its event tracks by local file name. Not thread-safe: the pipeline gives a
/// device to one worker at a time, and that worker owns the ledger while it works.
/// </summary>
internal sealed class DeviceLedger
{
    private readonly SortedDictionary<string, LedgerEntry> _entries;

    /// <summary>Creates a ledger from entries keyed by local file name.</summary>
    public DeviceLedger(IEnumerable<KeyValuePair<string, LedgerEntry>>? entries = null)
    {
        _entries = new SortedDictionary<string, LedgerEntry>(StringComparer.Ordinal);
        foreach (var (key, value) in entries ?? [])
        {
            _entries[key] = value;
        }
    }

    /// <summary>Every entry, by local file name.</summary>
    public IReadOnlyDictionary<string, LedgerEntry> Entries => _entries;

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>The entry for a local file name.</summary>
    public LedgerEntry? Find(string fileName) => _entries.GetValueOrDefault(fileName);

    /// <summary>Adds or replaces an entry.</summary>
    public void Set(string fileName, LedgerEntry entry) => _entries[fileName] = entry;

    /// <summary>Removes an entry (a track that is no longer the event's).</summary>
    public bool Remove(string fileName) => _entries.Remove(fileName);

    /// <summary>Entries with a status.</summary>
    public IEnumerable<KeyValuePair<string, LedgerEntry>> WithStatus(LedgerStatus status) =>
        _entries.Where(e => e.Value.Status == status);
}
