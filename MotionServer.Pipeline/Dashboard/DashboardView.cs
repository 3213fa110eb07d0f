namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// What every dashboard template sees (as snake_case names, e.g. <c>devices</c>, <c>roster_problems</c>): the fleet
/// at one moment with every value already a display string in the event's local time. Never null anywhere, so a
/// template under strict variables fails only on a real typo.
/// </summary>
internal sealed class DashboardView
{
    /// <summary>The event folder's name, as the page title.</summary>
    public required string Title { get; init; }

    /// <summary>When the snapshot was taken, local, e.g. <c>2025-10-12 17:48:21</c>.</summary>
    public required string Generated { get; init; }

    /// <summary>The same in UTC, ISO 8601 (for a <c>&lt;time datetime&gt;</c>).</summary>
    public required string GeneratedUtc { get; init; }

    /// <summary>The laptop's offset from UTC, e.g. <c>UTC+02:00</c>.</summary>
    public required string TimeZone { get; init; }

    /// <summary>False on the final page after the server stopped.</summary>
    public required bool Running { get; init; }

    /// <summary>Seconds between two automatic reloads of a page (the render interval, at least 1).</summary>
    public required int RefreshSeconds { get; init; }

    /// <summary>The rendered <c>style.liquid</c> (CSS), shared by every page; empty while the style itself renders.</summary>
    public string Style { get; set; } = "";

    /// <summary>Devices per status, every status in lifecycle order (zero counts included).</summary>
    public required IReadOnlyList<StatusCountView> Counts { get; init; }

    /// <summary>Devices on the roster.</summary>
    public required int Total { get; init; }

    /// <summary>Every device in dashboard order: history list first, then never-seen devices.</summary>
    public required IReadOnlyList<DeviceView> Devices { get; init; }

    /// <summary>The devices the index shows as cards (every device not <see cref="DeviceView.Absent"/>), in dashboard order.</summary>
    public IReadOnlyList<DeviceView> Cards { get; init; } = [];

    /// <summary>
    /// The devices the index shows as one row each of a compact table (<see cref="DeviceView.Absent"/>), in dashboard order:
    /// at a roster of 1,000 most devices are off the water-side network, and a card each made a 1 MB page.
    /// </summary>
    public IReadOnlyList<DeviceView> Absent { get; init; } = [];

    /// <summary>Devices the staff may take back now, in dashboard order.</summary>
    public required IReadOnlyList<DeviceView> Disconnectable { get; init; }

    /// <summary>Devices whose failures keep coming back, in dashboard order.</summary>
    public required IReadOnlyList<DeviceView> Attention { get; init; }

    /// <summary>Problems of the roster as last re-read (the last good roster stays in force).</summary>
    public required IReadOnlyList<string> RosterProblems { get; init; }

    /// <summary>Event templates that could not be used (the default was used instead).</summary>
    public required IReadOnlyList<string> TemplateProblems { get; init; }

    /// <summary>Recent events, newest first.</summary>
    public required IReadOnlyList<EventView> Events { get; init; }

    /// <summary>Downloaded tracks by local day, newest day first.</summary>
    public required IReadOnlyList<TrackDayView> TrackDays { get; init; }

    /// <summary>Downloaded tracks in all.</summary>
    public required int TrackTotal { get; init; }

    /// <summary>The server's version and commit for the page footer, e.g. <c>0.2.0+abc1234</c>.</summary>
    public string Version { get; init; } = Versioning.ProductVersion.Current.Text;

    /// <summary>Conditions that need someone to act, oldest first: a banner each, on every page.</summary>
    public IReadOnlyList<NoticeView> Notices { get; init; } = [];

    /// <summary>Today's results by the rules (the results page).</summary>
    public ResultsView Results { get; init; } = ResultsView.None;

    /// <summary>Devices on today's roster not yet on the network today, in roster order.</summary>
    public IReadOnlyList<StillOutView> StillOut { get; init; } = [];
}
