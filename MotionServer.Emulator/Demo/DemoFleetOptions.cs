using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MotionServer.Emulator.Generation;

namespace MotionServer.Emulator.Demo;

/// <summary>Knobs of the demo fleet; the defaults make the demo the server's <c>--demo</c> shows.</summary>
internal sealed record DemoFleetOptions
{
    /// <summary>Makes names, times and contents reproducible.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Pace of every device, bytes per second (about 0.6 MiB/s, like real devices).</summary>
    public long BandwidthBytesPerSecond { get; init; } = 630_000;

    /// <summary>The port; null: a free one.</summary>
    public int? Port { get; init; }

    /// <summary>Where the fleet logs. Default: nowhere.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Makes log content.</summary>
    public ITrackGenerator Generator { get; init; } = TrackGenerators.Default;

    /// <summary>Start the arrivals and departures at once (false: call <see cref="DemoFleet.RunScheduleAsync"/> yourself).</summary>
    public bool StartSchedule { get; init; } = true;
}
