using MotionServer.Pipeline.Notices;

namespace MotionServer.Pipeline.State;

/// <summary>The whole fleet at one moment, in dashboard order.</summary>
public sealed record FleetSnapshot
{
    /// <summary>When the snapshot was taken.</summary>
    public required DateTimeOffset Generated { get; init; }

    /// <summary>True while the server runs; false in the final snapshot after a stop.</summary>
    public required bool Running { get; init; }

    /// <summary>Devices in history order (most recent connection first), then never-seen devices in roster order.</summary>
    public required IReadOnlyList<MotionSnapshot> Motions { get; init; }

    /// <summary>Problems of the roster as last re-read (the last good roster stays in force), or empty.</summary>
    public IReadOnlyList<string> RosterProblems { get; init; } = [];

    /// <summary>Recent notable events, newest first.</summary>
    public IReadOnlyList<FleetEvent> RecentEvents { get; init; } = [];

    /// <summary>The event folder, as an absolute path.</summary>
    public string EventDirectory { get; init; } = "";

    /// <summary>Conditions that need someone to act, oldest first.</summary>
    public IReadOnlyList<Notice> Notices { get; init; } = [];

    /// <summary>
    /// Devices of today's roster rows (today in the laptop's, i.e. the event's, local time) that have not been on the
    /// network today: who is still out. In roster order.
    /// </summary>
    public IReadOnlyList<int> StillOut { get; init; } = [];

    /// <summary>The roster in force when the snapshot was taken (the results page groups tracks by its rows).</summary>
    internal Roster.MotionRoster Roster { get; init; } = Pipeline.Roster.MotionRoster.Empty;
}
