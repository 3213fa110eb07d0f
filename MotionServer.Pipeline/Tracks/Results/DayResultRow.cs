using MotionServer.Pipeline.Roster;

namespace MotionServer.Pipeline.Tracks.Results;

/// <summary>One roster row's day: its tracks, summed and bested by the rules (the filtered figures).</summary>
/// <param name="Entry">The roster row (File ID, names, craft type).</param>
/// <param name="Tracks">How many completed tracks it has that day.</param>
/// <param name="Best">
/// Each category's best over the day's tracks; <see cref="CategoryFigures.DistanceKm"/> and
/// <see cref="CategoryFigures.TimeOnWater"/> are the day's sums. Null where no track has the category.
/// </param>
/// <param name="SuspectTracks">How many of its tracks are suspect.</param>
internal sealed record DayResultRow(RosterEntry Entry, int Tracks, CategoryFigures Best, int SuspectTracks)
{
    /// <summary>True when at least one of its tracks is suspect.</summary>
    public bool HasSuspect => SuspectTracks > 0;
}
