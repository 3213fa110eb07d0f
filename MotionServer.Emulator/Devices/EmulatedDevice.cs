using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Transfers;

namespace MotionServer.Emulator.Devices;

/// <summary>
/// One emulated Motion: a real HTTP/1.1 server (Kestrel) on its own loopback address, serving info.json,
/// settings.json, logs.json and its tracks. It joins (<see cref="JoinAsync"/>: accepts connections) and leaves
/// (<see cref="LeaveAsync"/>: connections refused, transfers in flight cut) as often as asked. Its profile,
/// tracks, bandwidth and faults change at run time; every member is thread-safe.
/// </summary>
internal sealed partial class EmulatedDevice : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly ListenerReservation _reservation;
    private readonly EmulatedDeviceOptions _options;
    private readonly ILogger _logger;
    private readonly BandwidthLimiter _limiter;
    private readonly BodySender _sender;
    private readonly ConcurrentQueue<ServedRequest> _requests = new();
    private DeviceProfile _profile;
    private ImmutableList<EmulatedTrack> _tracks = [];
    private long _requestCount;
    private long _completedTracks;
    private long _trackBytesSent;

    /// <summary>Creates a device on a reserved address and port; it stays off the network until <see cref="JoinAsync"/>.</summary>
    public EmulatedDevice(DeviceProfile profile, ListenerReservation reservation, EmulatedDeviceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(reservation);
        _profile = profile;
        _reservation = reservation;
        _options = options ?? new EmulatedDeviceOptions();
        _logger = _options.LoggerFactory.CreateLogger<EmulatedDevice>();
        _limiter = new BandwidthLimiter(_options.TimeProvider) { BytesPerSecond = _options.BandwidthBytesPerSecond };
        _sender = new BodySender(_options.TimeProvider);
        Hostname = _options.HostnameTemplate.Replace("{id}", profile.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Progress of every response body (after each chunk and at the end), on the sending thread.</summary>
    public event EventHandler<BodyProgress>? BodyProgress;

    /// <summary>Raised after each request is answered.</summary>
    public event EventHandler<ServedRequest>? RequestServed;

    /// <summary>The device identifier.</summary>
    public int Id => _profile.Id;

    /// <summary>The host name (<c>motion-&lt;id&gt;</c>).</summary>
    public string Hostname { get; }

    /// <summary>The device's loopback address.</summary>
    public IPAddress Address => _reservation.EndPoint.Address;

    /// <summary>The port it listens on while present.</summary>
    public int Port => _reservation.EndPoint.Port;

    /// <summary><c>http://address:port/</c>.</summary>
    public Uri BaseUri => new($"http://{Address}:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The switchable faults.</summary>
    public DeviceFaults Faults { get; } = new();

    /// <summary>What info.json and settings.json say.</summary>
    public DeviceProfile Profile => Volatile.Read(ref _profile);

    /// <summary>The logs, in logs.json order.</summary>
    public IReadOnlyList<EmulatedTrack> Tracks => Volatile.Read(ref _tracks);

    /// <summary>Pace of track bodies, bytes per second (0: unlimited); takes effect on the next chunk.</summary>
    public long BandwidthBytesPerSecond
    {
        get => _limiter.BytesPerSecond;
        set => _limiter.BytesPerSecond = value;
    }

    /// <summary>Requests answered since creation.</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    /// <summary>Track bodies sent in full since creation.</summary>
    public long CompletedTracks => Interlocked.Read(ref _completedTracks);

    /// <summary>Track body bytes sent since creation (partial transfers included).</summary>
    public long TrackBytesSent => Interlocked.Read(ref _trackBytesSent);

    /// <summary>The last requests answered, oldest first.</summary>
    public IReadOnlyList<ServedRequest> Requests => [.. _requests];

    /// <summary>Changes what the device says about itself (id excepted).</summary>
    public void UpdateProfile(Func<DeviceProfile, DeviceProfile> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var next = change(_profile);
            if (next.Id != _profile.Id)
            {
                throw new InvalidOperationException("A device keeps its identifier; use DeviceFault.WrongIdentifier to lie about it.");
            }

            Volatile.Write(ref _profile, next);
        }
    }

    /// <summary>Sets the battery level (percent) and charging state.</summary>
    public void SetBattery(int level, bool charging = false) =>
        UpdateProfile(p => p with { BatteryLevel = Math.Clamp(level, 0, 100), Charging = charging });

    /// <summary>Adds a log at the end of logs.json.</summary>
    /// <exception cref="InvalidOperationException">A log with the same path exists.</exception>
    public void AddTrack(EmulatedTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        lock (_gate)
        {
            if (FindTrack(track.Path) is not null)
            {
                throw new InvalidOperationException($"{Hostname} already has a log at {track.Path}.");
            }

            Volatile.Write(ref _tracks, _tracks.Add(track));
        }
    }

    /// <summary>Adds a log, or replaces the one at the same path keeping its place.</summary>
    public void PutTrack(EmulatedTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        lock (_gate)
        {
            int index = _tracks.FindIndex(t => t.Path == track.Path);
            Volatile.Write(ref _tracks, index < 0 ? _tracks.Add(track) : _tracks.SetItem(index, track));
        }
    }

    /// <summary>Appends bytes to a log (a device logging "one log per day"): its size changes.</summary>
    public EmulatedTrack AppendToTrack(string path, ReadOnlySpan<byte> extra, TimeSpan addedDuration = default, long addedDistance = 0)
    {
        lock (_gate)
        {
            int index = _tracks.FindIndex(t => t.Path == path);
            if (index < 0)
            {
                throw new KeyNotFoundException($"{Hostname} has no log at {path}.");
            }

            var appended = _tracks[index].Append(extra, addedDuration, addedDistance);
            Volatile.Write(ref _tracks, _tracks.SetItem(index, appended));
            return appended;
        }
    }

    /// <summary>Removes a log; false when there is none at <paramref name="path"/>.</summary>
    public bool RemoveTrack(string path)
    {
        lock (_gate)
        {
            var before = _tracks;
            Volatile.Write(ref _tracks, _tracks.RemoveAll(t => t.Path == path));
            return _tracks.Count != before.Count;
        }
    }

    /// <summary>The log at a path, or null.</summary>
    public EmulatedTrack? FindTrack(string path) => Tracks.FirstOrDefault(t => string.Equals(t.Path, path, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() => $"{Hostname} ({Address}:{Port.ToString(CultureInfo.InvariantCulture)})";
}
