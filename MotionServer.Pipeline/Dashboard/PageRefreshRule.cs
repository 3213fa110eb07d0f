using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// When each HTML page is rendered again. status.json is written on every tick, with its time, so a program can
/// always tell the server is alive; a page only when what it shows changed (<see cref="PageContent.SameFor"/>; for an
/// event's own template, anything a page could show: <see cref="PageContent.Same"/>), when an event template changed,
/// or when it is <see cref="MaxUnchangedAge"/> old, so that its "Updated" time never lags more than that behind a
/// running server. At rest, with 1,000 devices, rendering three pages of ~1.5 MB every 5 s was most of the server's
/// work (benchmarks/README.md); during a download only index.html changes, and only it is written (with fsync).
/// </summary>
internal sealed class PageRefreshRule(TimeSpan maxUnchangedAge)
{
    private readonly Dictionary<string, Shown> _shown = new(StringComparer.Ordinal);

    /// <summary>The longest time an unchanged page stays on disk before it is rewritten anyway.</summary>
    public TimeSpan MaxUnchangedAge { get; } = maxUnchangedAge;

    /// <summary>
    /// Whether <paramref name="page"/> must be rendered from <paramref name="snapshot"/> at <paramref name="now"/>;
    /// <paramref name="isOverride"/> when the event's own template renders it.
    /// </summary>
    public bool IsDue(string page, bool isOverride, FleetSnapshot snapshot, int templatesVersion, DateTimeOffset now) =>
        !_shown.TryGetValue(page, out var shown)
        || templatesVersion != shown.TemplatesVersion
        || now - shown.RenderedAt >= MaxUnchangedAge
        || now < shown.RenderedAt // the clock was set back
        || !(isOverride ? PageContent.Same(shown.Snapshot, snapshot) : PageContent.SameFor(page, shown.Snapshot, snapshot));

    /// <summary>Remembers what <paramref name="page"/> on disk now shows (call once it is written).</summary>
    public void Rendered(string page, FleetSnapshot snapshot, int templatesVersion, DateTimeOffset now) =>
        _shown[page] = new Shown(snapshot, templatesVersion, now);

    private sealed record Shown(FleetSnapshot Snapshot, int TemplatesVersion, DateTimeOffset RenderedAt);
}
