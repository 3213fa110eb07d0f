using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MotionServer.Emulator.Fleet;

/// <summary>How a fleet is laid out on loopback.</summary>
internal sealed record FleetOptions
{
    /// <summary>The port every device listens on; null or 0: a free port found for all the fleet's addresses.</summary>
    public int? Port { get; init; }

    /// <summary>Index of the first device's address (0: 127.0.0.2), to keep several fleets apart if wanted.</summary>
    public int FirstAddressIndex { get; init; }

    /// <summary>Host names; <c>{id}</c> becomes the device id.</summary>
    public string HostnameTemplate { get; init; } = "motion-{id}";

    /// <summary>Default track pace of every device, bytes per second (0: unlimited); a device setup may set its own.</summary>
    public long BandwidthBytesPerSecond { get; init; }

    /// <summary>How many ports to try before giving up.</summary>
    public int PortAttempts { get; init; } = 20;

    /// <summary>Where devices and the fleet log. Default: nowhere.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Clock for pacing real sockets (delays, trickles, bandwidth). Schedules take their own.</summary>
    public TimeProvider TransferTimeProvider { get; init; } = TimeProvider.System;
}
