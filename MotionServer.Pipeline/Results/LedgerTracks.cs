using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Results;

/// <summary>
/// The completed tracks of every ledger in <c>motions/</c>, with the results their <c>results</c> fields hold: what the
/// day's results are built from, so that nothing reads a track again. A ledger is read again only when its file
/// changed (time or length); ledgers are only read, never repaired or moved (the server does that at start-up).
/// Not thread-safe: the results stage reads from one consumer.
/// </summary>
internal sealed class LedgerTracks(EventFolder folder)
{
    private readonly Dictionary<string, Known> _known = new(StringComparer.Ordinal);

    /// <summary>Every completed track whose name says its device and local start, device folder by device folder.</summary>
    /// <param name="problems">Ledgers that could not be read (each skipped), one sentence each.</param>
    public IReadOnlyList<DayTrack> Completed(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!Directory.Exists(folder.MotionsDirectory))
        {
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tracks = new List<DayTrack>();
        foreach (string directory in Directory.EnumerateDirectories(folder.MotionsDirectory).Order(StringComparer.Ordinal))
        {
            string hostname = Path.GetFileName(directory);
            seen.Add(hostname);
            tracks.AddRange(Read(hostname, problems));
        }

        foreach (string gone in _known.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _known.Remove(gone);
        }

        return tracks;
    }

    private IReadOnlyList<DayTrack> Read(string hostname, List<string> problems)
    {
        var file = new FileInfo(folder.LedgerFile(hostname));
        try
        {
            if (!file.Exists)
            {
                _known.Remove(hostname);
                return [];
            }

            if (_known.TryGetValue(hostname, out var known) && known.LastWriteUtc == file.LastWriteTimeUtc && known.Length == file.Length)
            {
                return known.Tracks;
            }

            var ledger = new LedgerStore(folder).Peek(hostname, out string? problem);
            if (problem is not null)
            {
                problems.Add(problem);
            }

            var tracks = ToTracks(ledger);
            _known[hostname] = new Known(file.LastWriteTimeUtc, file.Length, tracks);
            return tracks;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"cannot read {hostname}/downloads.json: {e.Message}");
            return [];
        }
    }

    /// <summary>The completed entries of a ledger; one whose name is not a track name is not counted (no device, no day).</summary>
    internal static IReadOnlyList<DayTrack> ToTracks(DeviceLedger ledger)
    {
        var tracks = new List<DayTrack>();
        foreach (var (fileName, entry) in ledger.WithStatus(LedgerStatus.Completed))
        {
            if (TrackName.TryParse(fileName, out var name))
            {
                var duration = TimeSpan.FromMilliseconds(Math.Clamp(entry.Duration, 0, (long)TimeSpan.MaxValue.TotalMilliseconds - 1));
                // Only what the day's table reads: the device's own figures and the reasons' sentences stay in the ledger.
                tracks.Add(new DayTrack(name!.DeviceId, name.LocalStart, duration, entry.Results?.RuleFigures(), entry.Results?.HasReasons == true));
            }
        }

        return tracks;
    }

    private sealed record Known(DateTime LastWriteUtc, long Length, IReadOnlyList<DayTrack> Tracks);
}
