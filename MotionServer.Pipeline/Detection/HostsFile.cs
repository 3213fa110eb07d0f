using System.Net;
using MotionServer.Pipeline.Files;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// A hosts-format file (<c>&lt;ip&gt; &lt;name&gt; [&lt;alias&gt;…]</c>, <c>#</c> comments) consulted before DNS,
/// for event networks whose router does not register DHCP names. Re-read when its time stamp or length changes (a <see cref="PolledFile"/>), looked
/// at no more often than <c>recheckEvery</c> (default 1 s: every absent device is looked up every few seconds, and a
/// file-system look for each would be most of detection's work at rest).
/// </summary>
internal sealed class HostsFile(string path, TimeSpan? recheckEvery = null, TimeProvider? time = null)
{
    private readonly Lock _gate = new();
    private readonly PolledFile _file = new(path, time, recheckEvery ?? TimeSpan.FromSeconds(1));
    private Dictionary<string, IPAddress> _names = new(StringComparer.OrdinalIgnoreCase);

    public string Path => _file.Path;

    /// <summary>Why the file could not be used at its last read (missing, unreadable), or null when it was read.</summary>
    public string? Problem { get; private set; }

    /// <summary>The address the file gives a name, or null.</summary>
    public IPAddress? Lookup(string hostname)
    {
        Refresh();
        lock (_gate)
        {
            return _names.GetValueOrDefault(hostname);
        }
    }

    /// <summary>Parses hosts-format text; malformed lines are ignored, as the operating system does.</summary>
    internal static Dictionary<string, IPAddress> Parse(IEnumerable<string> lines)
    {
        var names = new Dictionary<string, IPAddress>(StringComparer.OrdinalIgnoreCase);
        foreach (string raw in lines)
        {
            int hash = raw.IndexOf('#', StringComparison.Ordinal);
            string line = hash >= 0 ? raw[..hash] : raw;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !IPAddress.TryParse(parts[0], out var address))
            {
                continue;
            }

            foreach (var name in parts.Skip(1))
            {
                names.TryAdd(name, address); // the first line naming a host wins, as in /etc/hosts
            }
        }

        return names;
    }

    /// <summary>Re-reads the file when its time stamp or length changed (lookups do this themselves).</summary>
    public void Refresh()
    {
        FilePoll poll;
        lock (_gate)
        {
            poll = _file.Poll(); // lookups run at once, and the poller is not thread-safe
        }

        if (poll.Change == FileChange.Unreadable)
        {
            Problem = _file.Problem;
            return;
        }

        if (poll.Change == FileChange.Unchanged || ReadNames(poll.Stamp) is not { } names)
        {
            return; // unchanged, or being rewritten: keep the last good copy; not accepted, so read again at the next look
        }

        Problem = poll.Stamp.Exists ? null : "does not exist";
        lock (_gate)
        {
            _names = names;
            _file.Accept(poll.Stamp);
        }
    }

    /// <summary>The names the file gives (none when there is no file), or null when it cannot be read.</summary>
    private Dictionary<string, IPAddress>? ReadNames(FileStamp stamp)
    {
        try
        {
            return stamp.Exists ? Parse(File.ReadAllLines(Path)) : new(StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Problem = $"cannot be read: {e.Message}";
            return null;
        }
    }
}
