using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tests.Support;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Pipeline.Tests.Reliability.Support;

/// <summary>
/// Checks issue 4's invariants at the moments the server states them, on the logging thread, while the run goes on:
/// <list type="bullet">
/// <item>"X NAME downloaded": the ledger says completed and the file is at its final name with the ledger's size;</item>
/// <item>"X NAME failed": no file at the final name (or the earlier complete copy a size change is replacing, or the
/// damaged copy kept, still owed, when its second fetch failed), no partial file;</item>
/// <item>"X can be disconnected": every track the device owes is completed in its ledger and on disk with the announced size,
/// and nothing in the ledger is queued or failed;</item>
/// <item>every line: no control character (a device can never start a line of its own).</item>
/// </list>
/// </summary>
internal sealed partial class InvariantWatch
{
    private readonly EventFolder _folder;
    private readonly EmulatedFleet _fleet;
    private readonly MotionRoster _roster;
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<long>> _completedSizes = new(StringComparer.Ordinal);
    private int _downloadedChecks;
    private int _failedChecks;
    private int _disconnectChecks;

    public InvariantWatch(EventFolder folder, EmulatedFleet fleet, MotionRoster roster, CapturingLoggerProvider log)
    {
        _folder = folder;
        _fleet = fleet;
        _roster = roster;
        log.LineWritten += line => Check(line.Message);
    }

    public IReadOnlyList<string> Violations => [.. _violations];

    public int DownloadedChecks => Volatile.Read(ref _downloadedChecks);

    public int FailedChecks => Volatile.Read(ref _failedChecks);

    public int DisconnectChecks => Volatile.Read(ref _disconnectChecks);

    public void ShouldHaveSeenNoViolation() =>
        Violations.Should().BeEmpty("the server's words must be true at the moment it says them");

    private void Check(string message)
    {
        try
        {
            if (message.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085'))
            {
                _violations.Enqueue($"a log line holds a control character: {Escape(message)}");
            }

            if (Downloaded().Match(message) is { Success: true } downloaded)
            {
                CheckDownloaded(downloaded.Groups["host"].Value, downloaded.Groups["name"].Value);
            }
            else if (TrackFailed().Match(message) is { Success: true } failed)
            {
                CheckFailed(failed.Groups["host"].Value, failed.Groups["name"].Value, message);
            }
            else if (CanBeDisconnected().Match(message) is { Success: true } done)
            {
                CheckCompleted(done.Groups["host"].Value, int.Parse(done.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
#pragma warning disable CA1031 // a check that cannot run is itself a finding
        catch (Exception e)
#pragma warning restore CA1031
        {
            _violations.Enqueue($"check of \"{Escape(message)}\" failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private void CheckDownloaded(string hostname, string name)
    {
        Interlocked.Increment(ref _downloadedChecks);
        var file = new FileInfo(PathOf(name));
        if (!Ledger(hostname).TryGetValue(name, out var entry) || entry.Status != "completed")
        {
            _violations.Enqueue($"{name} logged as downloaded but its ledger entry is {(entry.Status ?? "missing")}");
        }
        else if (!file.Exists || file.Length != entry.Size)
        {
            _violations.Enqueue($"{name} logged as downloaded but the file is {(file.Exists ? $"{file.Length} bytes, not {entry.Size}" : "missing")}");
        }
        else
        {
            _completedSizes.GetOrAdd(name, _ => []).Add(file.Length);
        }
    }

    private void CheckFailed(string hostname, string name, string message)
    {
        Interlocked.Increment(ref _failedChecks);
        var file = new FileInfo(PathOf(name));
        bool earlierCopy = _completedSizes.TryGetValue(name, out var earlier) && earlier.Contains(file.Length);
        if (file.Exists && !earlierCopy && !KeptDamagedCopy(hostname, name, message, file.Length))
        {
            _violations.Enqueue($"{name} failed but a {file.Length}-byte file is at its final name: {Escape(message)}");
        }

        string directory = Path.GetDirectoryName(file.FullName)!;
        if (Directory.Exists(directory) && Directory.GetFiles(directory, $".{name}.*{EventFolder.PartialSuffix}").Length > 0)
        {
            _violations.Enqueue($"{name} failed but its partial file is still there");
        }
    }

    private void CheckCompleted(string hostname, int id)
    {
        Interlocked.Increment(ref _disconnectChecks);
        var ledger = Ledger(hostname);
        foreach (var (name, entry) in ledger.Where(e => e.Value.Status is "queued" or "failed"))
        {
            _violations.Enqueue($"{hostname} can be disconnected while its ledger says {name} is {entry.Status}");
        }

        if (!_fleet.Contains(id))
        {
            return;
        }

        foreach (var (name, track) in ExpectedTracks.Of(_fleet[id], _roster))
        {
            var file = new FileInfo(PathOf(name));
            if (!ledger.TryGetValue(name, out var entry) || entry.Status != "completed" || entry.Size != track.Size)
            {
                _violations.Enqueue($"{hostname} can be disconnected but owes {name} (ledger: {entry.Status ?? "no entry"}, {entry.Size} bytes)");
            }
            else if (!file.Exists || file.Length != track.Size)
            {
                _violations.Enqueue($"{hostname} can be disconnected but {name} is {(file.Exists ? $"{file.Length} bytes, not {track.Size}" : "missing")}");
            }
        }
    }

    /// <summary>
    /// A damaged copy whose second fetch failed stays at its final name, with the ledger's size (then recorded failed: owed).
    /// </summary>
    private bool KeptDamagedCopy(string hostname, string name, string message, long length) =>
        message.Contains(" failed - damaged, and fetching it again failed: ", StringComparison.Ordinal)
        && Ledger(hostname).TryGetValue(name, out var entry) && entry.Size == length; // the line comes before the entry is saved

    private Dictionary<string, (string Status, long Size)> Ledger(string hostname)
    {
        string path = _folder.LedgerFile(hostname);
        var entries = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return entries;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            entries[entry.Name] = (entry.Value.GetProperty("status").GetString()!, entry.Value.GetProperty("size").GetInt64());
        }

        return entries;
    }

    private string PathOf(string name) =>
        TrackName.TryParse(name, out var parsed) ? _folder.TrackFile(parsed!) : Path.Combine(_folder.TracksDirectory, "unparsable", name);

    private static string Escape(string text) => MotionServer.Pipeline.Logging.LogText.Escape(text);

    [GeneratedRegex(@"^(?<host>motion-[0-9]+) (?<name>\S+\.oao) downloaded - ")]
    private static partial Regex Downloaded();

    [GeneratedRegex(@"^(?<host>motion-[0-9]+) (?<name>\S+\.oao) failed - ")]
    private static partial Regex TrackFailed();

    [GeneratedRegex(@"^(?<host>motion-(?<id>[0-9]+)) can be disconnected$")]
    private static partial Regex CanBeDisconnected();
}
