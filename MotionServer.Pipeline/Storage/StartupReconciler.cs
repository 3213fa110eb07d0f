using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tracks;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Storage;

/// <summary>
/// Makes the event folder consistent after whatever happened to the last run (a crash, SIGKILL, power loss):
/// temporary and partial files are removed (they are never tracks), and a ledger entry that says
/// <c>completed</c> is trusted only if its file is there with the announced length — otherwise it is queued again.
/// </summary>
internal sealed partial class StartupReconciler(EventFolder folder, LedgerStore ledgers, FleetState fleet, ILogger logger, FleetLog? log = null)
{
    /// <exception cref="EventFolderUnreadableException">A file in the event folder cannot be read: named, with what to do.</exception>
    public void Run()
    {
        string current = folder.Root;
        try
        {
            Reconcile(ref current);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EventFolderUnreadableException(
                $"{current} cannot be read or written: {e.Message} - give the server read and write access to it (or move it out of the event folder) and start again",
                e);
        }
    }

    private void Reconcile(ref string current)
    {
        int removed = RemoveLeftovers(folder.TracksDirectory, $"*{EventFolder.PartialSuffix}")
            + RemoveLeftovers(folder.Root, $".*{EventFolder.TemporarySuffix}");
        if (removed > 0)
        {
            LeftoversRemoved(logger, removed);
        }

        foreach (string directory in EnumerateDeviceDirectories())
        {
            string hostname = Path.GetFileName(directory);
            current = folder.LedgerFile(hostname);
            var ledger = ledgers.Load(hostname, out string? problem, out var repairs);
            var deviceLogger = LoggerFor(hostname);
            if (problem is not null)
            {
                LedgerProblem(deviceLogger, hostname, problem);
            }

            foreach (string repair in repairs)
            {
                EntryRepaired(deviceLogger, hostname, repair);
            }

            if (Verify(hostname, ledger) | repairs.Count > 0)
            {
                ledgers.Save(hostname, ledger);
            }

            if (fleet.IdOf(hostname) is { } id)
            {
                LedgerSummary.Publish(fleet, id, ledger);
            }
        }
    }

    /// <summary>A device's lines name it to the recent-events page; a folder not on the roster is the server's business.</summary>
    private ILogger LoggerFor(string hostname) =>
        log is not null && fleet.IdOf(hostname) is { } id ? log.For(id) : logger;

    private bool Verify(string hostname, DeviceLedger ledger)
    {
        bool changed = false;
        foreach (var (fileName, entry) in ledger.WithStatus(LedgerStatus.Completed).ToArray())
        {
            if (!TrackName.TryParse(fileName, out var name))
            {
                continue; // not a name this server writes; leave it alone
            }

            var file = new FileInfo(folder.TrackFile(name!));
            if (!file.Exists || file.Length != entry.Size)
            {
                ledger.Set(fileName, entry with { Status = LedgerStatus.Queued, Error = null });
                changed = true;
                NotTrusted(LoggerFor(hostname), hostname, fileName, file.Exists ? $"its length is {file.Length}, not {entry.Size}" : "the file is missing");
            }
        }

        return changed;
    }

    private IEnumerable<string> EnumerateDeviceDirectories() =>
        Directory.Exists(folder.MotionsDirectory)
            ? Directory.EnumerateDirectories(folder.MotionsDirectory).Where(d => File.Exists(Path.Combine(d, "downloads.json")))
            : [];

    private static int RemoveLeftovers(string root, string pattern)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }

        int count = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (string path in Directory.EnumerateFiles(root, pattern, options))
        {
            AtomicFile.TryDelete(path);
            count++;
        }

        return count;
    }
}
