using MotionServer.Emulator.Devices;

namespace MotionServer.Emulator.Faults;

/// <summary>
/// The faults active on one device. Thread-safe: tests switch faults while requests are served. Each request
/// takes the faults that match it at once, using up one of each one-shot fault's remaining requests.
/// </summary>
internal sealed class DeviceFaults
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private int _applied;

    /// <summary>The active faults, with <see cref="DeviceFault.Times"/> showing what one-shot faults have left.</summary>
    public IReadOnlyList<DeviceFault> Active
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Select(e => e.Fault with { Times = e.Remaining })];
            }
        }
    }

    /// <summary>How many requests a fault has been applied to, in all.</summary>
    public int Applied => Volatile.Read(ref _applied);

    /// <summary>Switches a fault on; dispose the result to switch it off again.</summary>
    public IDisposable Add(DeviceFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var entry = new Entry(this, fault);
        lock (_gate)
        {
            _entries.Add(entry);
        }

        return entry;
    }

    /// <summary>Switches every fault off.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Takes the faults that apply to one request.</summary>
    public RequestFaults Take(string path, RouteKind route)
    {
        List<DeviceFault>? taken = null;
        lock (_gate)
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                if (!entry.Fault.Matches(path, route))
                {
                    continue;
                }

                (taken ??= []).Add(entry.Fault);
                if (entry.Remaining is { } remaining)
                {
                    entry.Remaining = remaining - 1;
                    if (remaining <= 1)
                    {
                        _entries.RemoveAt(i--);
                    }
                }
            }

            if (taken is not null)
            {
                _applied++;
            }
        }

        return taken is null ? RequestFaults.None : RequestFaults.From(taken);
    }

    private void Remove(Entry entry)
    {
        lock (_gate)
        {
            _entries.Remove(entry);
        }
    }

    private sealed class Entry(DeviceFaults owner, DeviceFault fault) : IDisposable
    {
        public DeviceFault Fault { get; } = fault;

        public int? Remaining { get; set; } = fault.Times;

        public void Dispose() => owner.Remove(this);
    }
}
