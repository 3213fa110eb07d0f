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
        if (!RecheckDue() || ReadStamp() is not { } stamp)
        {
            return;
        }

        lock (_gate)
        {
            if (stamp == _stamp)
            {
                return;
            }
        }

        if (ReadNames(stamp) is not { } names)
        {
            return; // being rewritten: keep the last good copy and look again after the recheck period
        }

        Problem = stamp.Item2 < 0 ? "does not exist" : null;

        lock (_gate)
        {
            _names = names;
            _stamp = stamp;
        }
    }

    /// <summary>True, and the check counted as done, when the last look at the file is older than the recheck period.</summary>
    private bool RecheckDue()
    {
        long now = Environment.TickCount64;
        long checkedAt = Interlocked.Read(ref _checkedAt);
        if (checkedAt != long.MinValue && now - checkedAt < _recheckMilliseconds)
        {
            return false;
        }

        Interlocked.Exchange(ref _checkedAt, now);
        return true;
    }

    /// <summary>The file's time stamp and length (length -1: no file), or null when it cannot be looked at.</summary>
    private (DateTime, long)? ReadStamp()
    {
        try
        {
            var info = new FileInfo(Path);
            return info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1);
        }
        catch (IOException e)
        {
            Problem = $"cannot be read: {e.Message}";
            return null;
        }
    }

    /// <summary>The names the file gives (none when there is no file), or null when it cannot be read.</summary>
    private Dictionary<string, IPAddress>? ReadNames((DateTime, long) stamp)
    {
        try
        {
            return stamp.Item2 < 0 ? new(StringComparer.OrdinalIgnoreCase) : Parse(File.ReadAllLines(Path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Problem = $"cannot be read: {e.Message}";
            return null;
        }
    }
}
