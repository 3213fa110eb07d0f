namespace MotionServer.Pipeline.Roster;

/// <summary>
/// Where the pipeline gets its roster: an extension point for embedders. The default source reads the event folder's
/// <c>config/motions.csv</c> and reads it again when it changes; <c>UseRoster</c> gives a fixed roster in code; an
/// embedder may give a source of its own with <c>UseRosterSource</c> (a roster kept by a registration web service, for
/// example). The pipeline calls <see cref="Load"/> once at its start, then <see cref="Refresh"/> once per detection
/// interval, from one loop at a time; <see cref="Current"/> and <see cref="Problems"/> may be read from any thread.
/// </summary>
/// <remarks>
/// A source keeps the last good roster in force when a new one is bad, and says why in <see cref="Problems"/> (shown on
/// the dashboards). <see cref="Refresh"/> runs on the detection loop: it must be quick (a source that fetches over the
/// network fetches in the background and hands over what it last fetched).
/// </remarks>
public interface IRosterSource
{
    /// <summary>The roster in force.</summary>
    MotionRoster Current { get; }

    /// <summary>Problems of the latest read when it was refused (the last good roster stays in force), or empty.</summary>
    IReadOnlyList<RosterProblem> Problems { get; }

    /// <summary>
    /// Loads the roster for the first time, when the pipeline starts.
    /// </summary>
    /// <exception cref="RosterException">The roster cannot be used; the server must not start.</exception>
    void Load();

    /// <summary>Re-reads the roster if it changed. Never throws; a bad roster is reported in <see cref="Problems"/>.</summary>
    /// <returns>What happened.</returns>
    RosterRefresh Refresh();
}
