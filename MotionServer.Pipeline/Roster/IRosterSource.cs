namespace MotionServer.Pipeline.Roster;

/// <summary>
/// Where the pipeline gets its roster. The file source re-reads <c>config/motions.csv</c> when it changes
/// and keeps the last good roster when the new one is bad; embedders may give a roster in code.
/// </summary>
internal interface IRosterSource
{
    /// <summary>The roster in force.</summary>
    MotionRoster Current { get; }

    /// <summary>Problems of the latest read when it was refused (the last good roster stays in force), or empty.</summary>
    IReadOnlyList<RosterProblem> Problems { get; }

    /// <summary>
    /// Loads the roster for the first time.
    /// </summary>
    /// <exception cref="RosterException">The roster cannot be used; the server must not start.</exception>
    void Load();

    /// <summary>Re-reads the roster if it changed. Never throws; a bad roster is reported in <see cref="Problems"/>.</summary>
    /// <returns>What happened.</returns>
    RosterRefresh Refresh();
}
