using System.Collections.Frozen;
using System.Net;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Devices;
using MotionServer.Emulator.Transfers;

namespace MotionServer.Emulator.Fleet;

/// <summary>
/// N emulated devices on 127.0.0.2, 127.0.0.3 ... sharing one port (the server under test has one
/// <c>Network:Port</c>). Created off the network; devices join and leave one by one, all at once or by a
/// <see cref="FleetSchedule"/>. Disposing it frees every address and port.
/// </summary>
internal sealed partial class EmulatedFleet : IAsyncDisposable
{
    private readonly FrozenDictionary<int, EmulatedDevice> _byId;
    private readonly ILogger _logger;

    private EmulatedFleet(IReadOnlyList<EmulatedDevice> devices, int port, ILogger logger)
    {
        Devices = devices;
        Port = port;
        _logger = logger;
        _byId = devices.ToFrozenDictionary(d => d.Id);
        foreach (var device in devices)
        {
            device.BodyProgress += (sender, progress) => BodyProgress?.Invoke(sender, progress);
        }
    }

    /// <summary>Progress of every response body of every device.</summary>
    public event EventHandler<BodyProgress>? BodyProgress;

    /// <summary>The port every device listens on.</summary>
    public int Port { get; }

    /// <summary>The devices, in creation order (address order).</summary>
    public IReadOnlyList<EmulatedDevice> Devices { get; }

    /// <summary>The devices present now.</summary>
    public IEnumerable<EmulatedDevice> Online => Devices.Where(d => d.IsOnline);

    /// <summary>The hosts-format text naming every device.</summary>
    public string HostsFileText => HostsFile.Text(Devices);

    /// <summary>The device with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such device in the fleet.</exception>
    public EmulatedDevice this[int deviceId] =>
        _byId.TryGetValue(deviceId, out var device) ? device : throw new KeyNotFoundException($"The fleet has no device {deviceId}.");

    /// <summary>Creates a fleet of devices with default profiles and no logs, all off the network.</summary>
    public static EmulatedFleet Create(IEnumerable<int> deviceIds, FleetOptions? options = null) =>
        Create(deviceIds.Select(DeviceSetup.Empty), options);

    /// <summary>Creates a fleet, all off the network, on a port free on every one of its addresses.</summary>
    /// <exception cref="System.Net.Sockets.SocketException">No port could be reserved.</exception>
    public static EmulatedFleet Create(IEnumerable<DeviceSetup> setups, FleetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(setups);
        options ??= new FleetOptions();
        var list = setups.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A fleet needs at least one device.", nameof(setups));
        }

        if (list.GroupBy(s => s.Profile.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Device {twice.Key} appears more than once.", nameof(setups));
        }

        if (options.FirstAddressIndex < 0 || options.FirstAddressIndex + list.Count > LoopbackAddresses.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"At most {LoopbackAddresses.Capacity} devices fit on loopback.");
        }

        var reservations = PortFinder.Reserve(
            [.. Enumerable.Range(options.FirstAddressIndex, list.Count).Select(LoopbackAddresses.At)], options.Port ?? 0, options.PortAttempts);
        var devices = list.Select((setup, i) => CreateDevice(setup, reservations[i], options)).ToList();
        var fleet = new EmulatedFleet(devices, reservations[0].EndPoint.Port, options.LoggerFactory.CreateLogger<EmulatedFleet>());
        Log.Created(fleet._logger, devices.Count, devices[0].Address, devices[^1].Address, fleet.Port);
        return fleet;
    }

    /// <summary>True when the fleet has a device with this id.</summary>
    public bool Contains(int deviceId) => _byId.ContainsKey(deviceId);

    /// <summary>Every device joins, concurrently.</summary>
    public Task JoinAllAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(Devices.Select(d => d.JoinAsync(cancellationToken)));

    /// <summary>Every device leaves, concurrently.</summary>
    public Task LeaveAllAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(Devices.Select(d => d.LeaveAsync(cancellationToken)));

    /// <summary>Writes the hosts file (atomically) naming every device.</summary>
    public void WriteHostsFile(string path) => HostsFile.Write(path, HostsFileText);

    /// <summary>Every device leaves and frees its address.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Devices.Select(d => d.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    private static EmulatedDevice CreateDevice(DeviceSetup setup, ListenerReservation reservation, FleetOptions options)
    {
        var device = new EmulatedDevice(setup.Profile, reservation, new EmulatedDeviceOptions
        {
            BandwidthBytesPerSecond = setup.BandwidthBytesPerSecond ?? options.BandwidthBytesPerSecond,
            HostnameTemplate = options.HostnameTemplate,
            LoggerFactory = options.LoggerFactory,
            TimeProvider = options.TransferTimeProvider,
        });
        foreach (var track in setup.Tracks)
        {
            device.AddTrack(track);
        }

        return device;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Emulated fleet of {Count} devices on {First} to {Last}, port {Port}")]
        public static partial void Created(ILogger logger, int count, IPAddress first, IPAddress last, int port);

        [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "Schedule: {Hostname} {Step} at +{At}")]
        public static partial void StepRan(ILogger logger, string hostname, string step, TimeSpan at);

        [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Schedule: {Hostname} {Step} at +{At} failed")]
        public static partial void StepFailed(ILogger logger, string hostname, string step, TimeSpan at, Exception exception);
    }
}
