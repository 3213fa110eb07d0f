using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MotionServer.Emulator.Devices;

/// <summary>How an emulated device runs (not what it says: that is its <see cref="DeviceProfile"/>).</summary>
internal sealed record EmulatedDeviceOptions
{
    /// <summary>Track bodies are paced to this many bytes per second; 0: unlimited. Real devices: ~680,000 (0.65 MiB/s).</summary>
    public long BandwidthBytesPerSecond { get; init; }

    /// <summary>The host name; <c>{id}</c> becomes the device id.</summary>
    public string HostnameTemplate { get; init; } = "motion-{id}";

    /// <summary>Where the device logs (and Kestrel, at Warning and above). Default: nowhere.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The clock for pacing, delays and trickles (real time: it paces real sockets).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How many served requests the device remembers in <see cref="EmulatedDevice.Requests"/>.</summary>
    public int RequestLogCapacity { get; init; } = 10_000;
}
