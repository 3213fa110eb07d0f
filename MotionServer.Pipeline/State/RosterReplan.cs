using MotionServer.Pipeline.Roster;

namespace MotionServer.Pipeline.State;

/// <summary>
/// A roster change reaches devices already planned ("a roster change applies at once to every device,
/// finished ones included"). A device whose rows changed is inspected again through the ordinary detection → inspection
/// path; meanwhile it is not <c>completed</c>, so it is never "can be disconnected" while a track may be owed.
/// </summary>
internal static class RosterReplan
{
    /// <summary>True when the rows that decide the device's tracks (dates and File IDs) differ between the rosters.</summary>
    public static bool RowsChanged(MotionRoster previous, MotionRoster current, int id)
    {
        static IEnumerable<(DateOnly, DateOnly, string)> Key(MotionRoster roster, int id) =>
            roster.EntriesFor(id).Select(e => (e.StartDate, e.EndDate, e.FileId)).Order();

        return !Key(previous, id).SequenceEqual(Key(current, id));
    }

    /// <summary>
    /// Flags a planned device for a new plan (<see cref="MotionStatusMachine.RowsChangeOwesReplan"/>); a completed one goes
    /// back to <c>connected</c> until it is inspected again, one in the graph has its completion held back. Runs under the
    /// fleet's lock.
    /// </summary>
    /// <returns>The status change to announce, if any.</returns>
    public static MotionStatusChange? Mark(DeviceState device, DateTimeOffset now)
    {
        if (!MotionStatusMachine.RowsChangeOwesReplan(device.Status))
        {
            return null;
        }

        device.ReplanOwed = true;
        return device.Apply(StatusTrigger.RowsChanged, now);
    }
}
