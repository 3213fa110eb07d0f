namespace MotionServer.Pipeline.Roster;

/// <summary>The outcome of <see cref="IRosterSource.Refresh"/>.</summary>
public enum RosterRefresh
{
    /// <summary>Nothing changed.</summary>
    Unchanged,

    /// <summary>A new roster is in force.</summary>
    Replaced,

    /// <summary>The roster changed but is bad; the last good one stays in force.</summary>
    Refused,
}
