using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Host.Verify;

/// <summary>
/// What <c>verify</c> looks at in an event folder: every <c>.oao</c> under <c>gpslogs/</c>, matched by file name with
/// the entries of every device ledger, and each <c>completed</c> entry whose file is not there. Read only: an
/// unreadable ledger is reported, never moved or rewritten.
/// </summary>
internal static class EventFolderTracks
{
    public static IReadOnlyList<VerifyTarget> Collect(EventFolder folder, List<string> problems)
    {
        var ledgers = ReadLedgers(folder, problems);
        var files = Directory.Exists(folder.TracksDirectory)
            ? Directory.EnumerateFiles(folder.TracksDirectory, "*.oao", new EnumerationOptions { RecurseSubdirectories = true })
                .Where(f => !System.IO.Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        var targets = new List<VerifyTarget>(files.Count);
        var onDisk = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string name = System.IO.Path.GetFileName(file);
            onDisk.Add(name);
            targets.Add(ledgers.TryGetValue(name, out var listed)
                ? new VerifyTarget(file, name, listed.Hostname, listed.Entry)
                : new VerifyTarget(file, name, DeviceOf(name), null));
        }

        foreach (var (name, listed) in ledgers.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (listed.Entry.Status == LedgerStatus.Completed && !onDisk.Contains(name))
            {
                targets.Add(new VerifyTarget(System.IO.Path.Combine(folder.Root, listed.Entry.LocalFile), name, listed.Hostname, listed.Entry, Missing: true));
            }
        }

        return targets;
    }

    /// <summary>The ledger entry of a file that lies in an event folder's <c>gpslogs/</c>, or null.</summary>
    public static VerifyTarget ForFile(string path, List<string> problems)
    {
        string full = System.IO.Path.GetFullPath(path);
        string name = System.IO.Path.GetFileName(full);
        var gpslogs = Directory.GetParent(full)?.Parent;
        if (gpslogs is { Name: "gpslogs", Parent: { } root })
        {
            var ledgers = ReadLedgers(new EventFolder(root.FullName), problems);
            if (ledgers.TryGetValue(name, out var listed))
            {
                return new VerifyTarget(full, name, listed.Hostname, listed.Entry);
            }
        }

        return new VerifyTarget(full, name, DeviceOf(name), null);
    }

    private static Dictionary<string, (string Hostname, LedgerEntry Entry)> ReadLedgers(EventFolder folder, List<string> problems)
    {
        var entries = new Dictionary<string, (string, LedgerEntry)>(StringComparer.Ordinal);
        if (!Directory.Exists(folder.MotionsDirectory))
        {
            return entries;
        }

        foreach (string directory in Directory.EnumerateDirectories(folder.MotionsDirectory).Order(StringComparer.Ordinal))
        {
            string hostname = System.IO.Path.GetFileName(directory);
            string ledger = folder.LedgerFile(hostname);
            if (!File.Exists(ledger))
            {
                continue;
            }

            try
            {
                // The server's own read-only reading (a BOM, entries without a file): verify must accept what the server accepts.
                var read = new LedgerStore(folder).Peek(hostname, out string? problem);
                if (problem is not null)
                {
                    problems.Add(problem);
                }

                foreach (var (_, entry) in read.Entries)
                {
                    entries[entry.FileName] = (hostname, entry);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{hostname}/downloads.json cannot be read: {e.Message}");
            }
        }

        return entries;
    }

    private static string DeviceOf(string fileName) =>
        TrackName.TryParse(fileName, out var name) ? $"motion-{name!.DeviceId}" : "—";
}
