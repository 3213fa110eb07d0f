using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Results;

/// <summary>
/// Rebuilds a day's results files, <c>results/&lt;yyyyMMdd&gt;.csv</c> and <c>.json</c>, from the ledgers of an event
/// folder on disk (never from the tracks: their results are in the ledgers). Each file is replaced atomically, and only
/// when its bytes change: the same tracks and roster give the same bytes (stable order, invariant culture, no time of
/// writing inside). Not thread-safe: one results stage, or one command, uses it at a time.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification =
    "The one disposable field is a MemoryStream, which holds nothing to release; disposing it would only close it under a rebuild still running.")]
internal sealed class DayResultsBuilder(EventFolder folder)
{
    private readonly LedgerTracks _ledgers = new(folder);

    // The JSON file's bytes, written into the same buffer at every rebuild: while tracks land it is rebuilt up to twice
    // a second, and a new array each time (about 1 MB at a roster of 1,000) was a good part of the rush's garbage.
    private readonly ArrayBufferWriter<byte> _json = new();

    // The CSV file's bytes, for the same reason.
    private readonly MemoryStream _csv = new();

    // What the context's options give SerializeToUtf8Bytes: indented, LF line ends, the default encoder.
    private static readonly JsonWriterOptions JsonLayout = new() { Indented = true, NewLine = "\n" };

    /// <summary>
    /// Rebuilds the results of <paramref name="date"/> (local) in the event folder <paramref name="eventDirectory"/>, for
    /// <paramref name="roster"/>: the function the host's <c>results</c> command calls.
    /// </summary>
    /// <exception cref="IOException">A file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">A file could not be written.</exception>
    public static DayResultsWritten Rebuild(string eventDirectory, MotionRoster roster, DateOnly date) =>
        new DayResultsBuilder(new EventFolder(eventDirectory)).Rebuild(roster, date);

    /// <summary>The local days that have at least one completed track in a ledger, earliest first.</summary>
    public static IReadOnlyList<DateOnly> DaysWithTracks(string eventDirectory) =>
        new DayResultsBuilder(new EventFolder(eventDirectory)).DaysWithTracks(new List<string>());

    /// <summary>Rebuilds one day's files from the ledgers as they are now.</summary>
    public DayResultsWritten Rebuild(MotionRoster roster, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var problems = new List<string>();
        var rows = DayResultsTable.Build(roster, date, _ledgers.Completed(problems));
        Directory.CreateDirectory(folder.ResultsDirectory);
        string csv = folder.DayResultsFile(date, "csv");
        string json = folder.DayResultsFile(date, "json");
        // Derived: rebuilt from the ledgers at every start.
        bool changed = AtomicFile.WriteIfChanged(csv, WriteCsv(rows), FileDurability.Derived);
        changed |= AtomicFile.WriteIfChanged(json, Serialize(DayResultsDocument.From(date, rows)), FileDurability.Derived);
        return new DayResultsWritten(date, csv, json, rows, changed, problems);
    }

    private ReadOnlySpan<byte> WriteCsv(IReadOnlyList<DayResultRow> rows)
    {
        _csv.SetLength(0);
        DayResultsCsv.Write(rows, _csv);
        return _csv.GetBuffer().AsSpan(0, (int)_csv.Length);
    }

    private ReadOnlySpan<byte> Serialize(DayResultsDocument document)
    {
        _json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_json, JsonLayout))
        {
            JsonSerializer.Serialize(writer, document, DayResultsJsonContext.Default.DayResultsDocument);
        }

        return _json.WrittenSpan;
    }

    /// <summary>The local days with completed tracks, earliest first; ledgers that could not be read go to <paramref name="problems"/>.</summary>
    public IReadOnlyList<DateOnly> DaysWithTracks(List<string> problems) =>
        [.. _ledgers.Completed(problems).Select(t => DateOnly.FromDateTime(t.LocalStart)).Distinct().Order()];
}

/// <summary>What one rebuild of a day's results did.</summary>
/// <param name="Date">The local day.</param>
/// <param name="CsvFile">Its CSV file, absolute.</param>
/// <param name="JsonFile">Its JSON file, absolute.</param>
/// <param name="Rows">The rows written.</param>
/// <param name="Changed">False when both files already held these bytes (nothing was written).</param>
/// <param name="Problems">Ledgers that could not be read (each left out), one sentence each.</param>
internal sealed record DayResultsWritten(DateOnly Date, string CsvFile, string JsonFile, IReadOnlyList<DayResultRow> Rows, bool Changed, IReadOnlyList<string> Problems);
