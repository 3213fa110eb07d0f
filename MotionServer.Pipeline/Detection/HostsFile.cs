using System.Net;

namespace MotionServer.Pipeline.Detection;

/// <summary>
/// A hosts-format file (<c>&lt;ip&gt; &lt;name&gt; [&lt;alias&gt;…]</c>, <c>#</c> comments) consulted before DNS,
/// for event networks whose router does not register DHCP names. Re-read when its time stamp or length changes, looked
/// at no more often than <c>recheckEvery</c> (default 1 s: every absent device is looked up every few seconds, and a
/// file-system look for each would be most of detection's work at rest).
/// </summary>
internal sealed class HostsFile(string path, TimeSpan? recheckEvery = null)
{
    private readonly long _recheckMilliseconds = (long)(recheckEvery ?? TimeSpan.FromSeconds(1)).TotalMilliseconds;
    private long _checkedAt = long.MinValue;

    private readonly Lock _gate = new();
    private (DateTime, long) _stamp = (DateTime.MinValue, -2);
    private Dictionary<string, IPAddress> _names = new(StringComparer.OrdinalIgnoreCase);

    public string Path { get; } = path;

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
        long now = Environment.TickCount64;
        long checkedAt = Interlocked.Read(ref _checkedAt);
        if (checkedAt != long.MinValue && now - checkedAt < _recheckMilliseconds)
        {
            return;
        }

        Interlocked.Exchange(ref _checkedAt, now);
        (DateTime, long) stamp;
        try
        {
            var info = new FileInfo(Path);
            stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1);
        }
        catch (IOException e)
        {
            Problem = $"cannot be read: {e.Message}";
            return;
        }

        lock (_gate)
        {
            if (stamp == _stamp)
            {
                return;
            }
        }

        Dictionary<string, IPAddress> names;
        try
        {
            names = stamp.Item2 < 0 ? new(StringComparer.OrdinalIgnoreCase) : Parse(File.ReadAllLines(Path));
        }
        catch (IOException e)
        {
            Problem = $"cannot be read: {e.Message}";
            return; // being rewritten: keep the last good copy and look again after the recheck period
        }
        catch (UnauthorizedAccessException e)
        {
            Problem = $"cannot be read: {e.Message}";
            return;
        }

        Problem = stamp.Item2 < 0 ? "does not exist" : null;

        lock (_gate)
        {
            _names = names;
            _stamp = stamp;
        }
    }
}
