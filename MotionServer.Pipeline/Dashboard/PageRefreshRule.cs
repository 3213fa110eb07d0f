using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// When the HTML pages are rendered again. status.json is written on every tick, with its time, so a program can
/// always tell the server is alive; the pages only when what they show changed (<see cref="PageContent"/>), when an
/// event template changed, or when the pages on disk are <see cref="MaxUnchangedAge"/> old, so that their "Updated"
/// time never lags more than that behind a running server. At rest, with 1,000 devices, rendering three pages of
/// ~1.5 MB every 5 s was most of the server's work (benchmarks/README.md).
/// </summary>
internal sealed class PageRefreshRule(TimeSpan maxUnchangedAge)
{
    /// <summary>The longest time unchanged pages stay on disk before they are rewritten anyway.</summary>
    public TimeSpan MaxUnchangedAge { get; } = maxUnchangedAge;

    private FleetSnapshot? _shown;
    private int _templatesVersion;
    private DateTimeOffset _renderedAt;

    /// <summary>Whether the pages must be rendered from <paramref name="snapshot"/> at <paramref name="now"/>.</summary>
    public bool IsDue(FleetSnapshot snapshot, int templatesVersion, DateTimeOffset now) =>
        _shown is null
        || templatesVersion != _templatesVersion
        || now - _renderedAt >= MaxUnchangedAge
        || now < _renderedAt // the clock was set back
        || !PageContent.Same(_shown, snapshot);

    /// <summary>Remembers what the pages on disk now show.</summary>
    public void Rendered(FleetSnapshot snapshot, int templatesVersion, DateTimeOffset now)
    {
        _shown = snapshot;
        _templatesVersion = templatesVersion;
        _renderedAt = now;
    }

    /// <summary>Forgets the pages on disk (a write failed): the next tick renders them.</summary>
    public void Forget() => _shown = null;
}
