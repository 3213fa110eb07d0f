using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.Results;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Benchmarks.Results;

/// <summary>
/// The day's results for a roster of 1,000, three tracks each: the table alone (baseline), the two files written
/// (CSV and JSON, atomically, flushed), a whole rebuild from the 1,000 ledgers on disk as after a restart (read, built,
/// compared with the files, nothing rewritten), the same by the running server (its ledgers already read), and the
/// results page's data from a snapshot. Target: the files and
/// the page data well under 50 ms, so a rebuild per burst of landings costs the server nothing noticeable.
/// </summary>
[MemoryDiagnoser]
public class DayResultsBenchmark
{
    private static readonly DateOnly Day = new(2025, 10, 12);

    private string _root = null!;
    private EventFolder _folder = null!;
    private MotionRoster _roster = null!;
    private List<DayTrack> _tracks = null!;
    private IReadOnlyList<DayResultRow> _rows = null!;
    private FleetSnapshot _snapshot = null!;
    private LocalClock _clock = null!;
    private DayResultsBuilder _running = null!;

    /// <summary>Rows on the day's roster.</summary>
    [Params(1000)]
    public int Roster { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "motion-results-benchmark", Guid.NewGuid().ToString("N"));
        _folder = new EventFolder(_root);
        _roster = MotionRoster.Create(Enumerable.Range(1, Roster).Select(id => new RosterEntry
        {
            MotionId = id, FileId = $"F{id:0000}", FirstName = "Rider", FamilyName = $"N{id}", CraftType = id % 3 == 0 ? "Kite" : "Sailboard",
            StartDate = Day, EndDate = Day,
        }));
        var ledgers = new LedgerStore(_folder);
        _tracks = [];
        var motions = new List<MotionSnapshot>();
        foreach (int id in Enumerable.Range(1, Roster))
        {
            var ledger = new DeviceLedger();
            var snapshots = new List<TrackSnapshot>();
            for (int session = 0; session < 3; session++)
            {
                var start = Day.ToDateTime(new TimeOnly(9 + (2 * session), 0));
                var results = Results(id, session);
                var name = TrackName.Create($"F{id:0000}", id, start);
                ledger.Set(name.FileName, new LedgerEntry
                {
                    MotionFile = $"/logs/{session}.oao", LocalFile = EventFolder.RelativeTrackPath(name), Size = 900_000, Duration = 5_400_000,
                    Status = LedgerStatus.Completed, Results = LedgerResults.From(results),
                });
                _tracks.Add(DayTrack.Of(id, start, TimeSpan.FromMinutes(90), results));
                snapshots.Add(new TrackSnapshot(name.FileName, "completed", 900_000, start, TimeSpan.FromMinutes(90), 0, 0, null, null) { Results = results });
            }

            ledgers.Save($"motion-{id}", ledger);
            motions.Add(new MotionSnapshot { Id = id, Hostname = $"motion-{id}", Status = MotionStatus.Completed, TrackList = snapshots });
        }

        var now = new DateTimeOffset(Day.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
        _snapshot = new FleetSnapshot { Generated = now, Running = true, Motions = motions, Roster = _roster };
        _clock = new LocalClock(TimeZoneInfo.Utc, now);
        _rows = DayResultsTable.Build(_roster, Day, _tracks);
        _running = new DayResultsBuilder(_folder);
        _running.Rebuild(_roster, Day);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true)]
    public int Table() => DayResultsTable.Build(_roster, Day, _tracks).Count;

    [Benchmark]
    public int WriteFiles()
    {
        byte[] csv = DayResultsCsv.Write(_rows);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(DayResultsDocument.From(Day, _rows), DayResultsJsonContext.Default.DayResultsDocument);
        AtomicFile.WriteAllBytes(_folder.DayResultsFile(Day, "csv"), csv);
        AtomicFile.WriteAllBytes(_folder.DayResultsFile(Day, "json"), json);
        return csv.Length + json.Length;
    }

    [Benchmark]
    public int RebuildFromLedgersAfterARestart() => new DayResultsBuilder(_folder).Rebuild(_roster, Day).Rows.Count;

    /// <summary>The running server's rebuild: its builder keeps each ledger until the file changes (here none did).</summary>
    [Benchmark]
    public int RebuildFromLedgersWhileRunning() => _running.Rebuild(_roster, Day).Rows.Count;

    [Benchmark]
    public int PageData() => ResultsViewBuilder.Build(_snapshot, _clock).Classes.Count;

    private static TrackResults Results(int id, int session)
    {
        double best = 15 + ((id * 7 + session * 3) % 200 / 10.0);
        var figures = new CategoryFigures(best, best - 1, best - 1.5, best - 2, best - 3, best - 5, null, best - 2.5, 20 + session, TimeSpan.FromMinutes(85));
        return new TrackResults(figures with { TwoSeconds = best + 1 }, figures, id % 50 == 0 && session == 1
            ? [new SuspectReason("2s", null, "2 s 61.2 kn at 10:31:13 is a glitch (4 satellites, HDOP 99.99); by the rules 2 s is 22.6 kn")]
            : []);
    }
}
