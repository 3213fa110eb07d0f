using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Tests.Dashboard.Serving;

/// <summary>
/// A dashboards folder kept by the real renderer for a roster of <paramref name="devices"/>, ticking on a simulated
/// clock: status.json is written at every tick, the pages only when a device changed, as the dashboard loop does. Each
/// file gets the simulated tick's time as its modification time, as if the ticks were really 5 s apart.
/// </summary>
internal sealed class SimulatedDashboards(string directory, int devices)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = DashboardSamples.Time();
    private readonly List<MotionSnapshot> _motions = [.. DashboardSamples.Large(devices).Motions];
    private readonly FleetSnapshot _fleet = DashboardSamples.Large(devices);
    private DashboardRenderer? _renderer;
    private int _ticks;

    /// <summary>One tick; <paramref name="deviceChanges"/>: one device changed status since the last one, so the pages are written.</summary>
    public void Tick(bool deviceChanges)
    {
        _renderer ??= DashboardSamples.Renderer(_time);
        if (_ticks++ > 0)
        {
            _time.Advance(Interval);
        }

        if (deviceChanges)
        {
            int which = _ticks % _motions.Count;
            var motion = _motions[which];
            _motions[which] = motion with { Status = motion.Status == MotionStatus.Completed ? MotionStatus.Disconnected : MotionStatus.Completed };
        }

        var snapshot = _fleet with { Generated = _time.GetUtcNow(), Motions = [.. _motions] };
        Directory.CreateDirectory(directory);
        foreach (var file in _renderer.Render(snapshot, pages: deviceChanges || _ticks == 1))
        {
            string path = Path.Combine(directory, file.Name);
            AtomicFile.WriteAllBytes(path, file.Content.Span);
            File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime);
        }
    }
}
