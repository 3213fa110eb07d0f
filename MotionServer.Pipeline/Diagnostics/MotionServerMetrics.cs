using System.Diagnostics.Metrics;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Diagnostics;

/// <summary>
/// The <c>MotionServer</c> meter (docs/metrics.md), readable by <c>dotnet-counters</c> and OpenTelemetry with no code of
/// ours. Most of it observes what the pipeline already keeps (the fleet's snapshot, the stages' queues, the dashboard
/// loop's ticks) rather than being counted inside every stage; only looks are counted as they happen, around the name
/// resolution every look starts with. Created through <see cref="IMeterFactory"/> when the container has one, so two
/// pipelines in two containers report separately and the container disposes the meter.
/// </summary>
internal sealed class MotionServerMetrics : IDisposable
{
    /// <summary>The meter's name: <c>dotnet-counters monitor --counters MotionServer</c>.</summary>
    public const string MeterName = "MotionServer";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _looks;
    private readonly UpDownCounter<long> _looksInFlight;
    private readonly Histogram<double> _tickDuration;
    private readonly FleetFigures _figures;
    private IReadOnlyList<KeyValuePair<string, Func<int>>> _queues = [];

    /// <summary>Creates the instruments; they report nothing until <see cref="Observe"/>.</summary>
    /// <param name="factory">The container's meter factory; null: a meter of our own, disposed with this.</param>
    /// <param name="time">The clock that paces how often the fleet's snapshot is taken for the observed figures.</param>
    public MotionServerMetrics(IMeterFactory? factory, TimeProvider time)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _ownsMeter = factory is null;
        _figures = new FleetFigures(time);
        _looks = _meter.CreateCounter<long>("motionserver.detection.looks", "{look}", "Looks for a device: its name resolved (hosts file, then DNS), then a connection tried");
        _looksInFlight = _meter.CreateUpDownCounter<long>("motionserver.detection.lookups.active", "{lookup}", "Name lookups in flight (at most Detection:Lookups)");
        _tickDuration = _meter.CreateHistogram<double>("motionserver.dashboard.tick.duration", "s", "How long a dashboard tick takes: the snapshot, the render and the writes");
        _meter.CreateObservableGauge("motionserver.devices", _figures.DevicesByStatus, "{device}", "Devices on the roster, by status");
        _meter.CreateObservableGauge("motionserver.queue.depth", ObserveQueues, "{device}", "Devices waiting in front of each stage");
        _meter.CreateObservableCounter("motionserver.download.bytes", _figures.BytesDownloaded, "By", "Bytes of tracks downloaded");
        _meter.CreateObservableCounter("motionserver.tracks.verified", () => _figures.Tracks(t => t.Verification is not null), "{track}", "Downloaded tracks checked frame by frame");
        _meter.CreateObservableCounter("motionserver.tracks.damaged", () => _figures.Tracks(t => t.IsDamaged), "{track}", "Downloaded tracks found damaged (kept, with a warning)");
        _meter.CreateObservableCounter("motionserver.tracks.suspect", () => _figures.Tracks(t => t.IsSuspect), "{track}", "Downloaded tracks whose results the rules find suspect");
    }

    /// <summary>Starts reporting the figures of a running pipeline: its fleet, its stages' queues and its dashboard loop.</summary>
    public void Observe(IMotionFleet fleet, IReadOnlyList<KeyValuePair<string, Func<int>>> queues, DashboardPublisher? dashboards)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(queues);
        _figures.Observe(fleet);
        Volatile.Write(ref _queues, queues);
        if (dashboards is not null)
        {
            dashboards.Ticked += (_, tick) => _tickDuration.Record(tick.Duration.TotalSeconds);
        }
    }

    /// <summary>The resolver detection uses, each call counted as a look.</summary>
    public IAddressResolver CountLooks(IAddressResolver resolver) => new CountingResolver(resolver, this);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private IEnumerable<Measurement<int>> ObserveQueues() =>
        Volatile.Read(ref _queues).Select(q => new Measurement<int>(q.Value(), new KeyValuePair<string, object?>("queue", q.Key)));

    private sealed class CountingResolver(IAddressResolver inner, MotionServerMetrics metrics) : IAddressResolver
    {
        // Said on: hidden, it would make NameLookups keep time (a timer per lookup) for lookups that end in time anyway.
        public bool EndsWithinTimeout => inner.EndsWithinTimeout;

        public async Task<System.Net.IPAddress?> ResolveAsync(string hostname, CancellationToken cancellationToken)
        {
            metrics._looks.Add(1);
            metrics._looksInFlight.Add(1);
            try
            {
                return await inner.ResolveAsync(hostname, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                metrics._looksInFlight.Add(-1);
            }
        }
    }
}
