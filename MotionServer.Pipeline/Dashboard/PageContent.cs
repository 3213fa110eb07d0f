using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// Tells whether two snapshots would render the same pages but for the passing of time: the time of the snapshot
/// and the devices' "last seen" (refreshed by every probe of a present device) are left out, like the "3 min ago"
/// texts that follow from them; everything else a page shows is compared by value.
/// </summary>
internal static class PageContent
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ in nothing but time.</summary>
    public static bool Same(FleetSnapshot a, FleetSnapshot b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Running == b.Running
            && string.Equals(a.EventDirectory, b.EventDirectory, StringComparison.Ordinal)
            && a.RosterProblems.SequenceEqual(b.RosterProblems, StringComparer.Ordinal)
            && a.RecentEvents.SequenceEqual(b.RecentEvents)
            && a.Notices.SequenceEqual(b.Notices)
            && a.StillOut.SequenceEqual(b.StillOut)
            && ReferenceEquals(a.Roster, b.Roster) // names and craft types on the results page; a re-read roster is a new one
            && SameDevices(a.Motions, b.Motions);
    }

    private static bool SameDevices(IReadOnlyList<MotionSnapshot> a, IReadOnlyList<MotionSnapshot> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!SameDevice(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameDevice(MotionSnapshot a, MotionSnapshot b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        // A record compares its lists by reference: they are compared item by item here, the rest by the record.
        if (!a.Warnings.SequenceEqual(b.Warnings, StringComparer.Ordinal) || !a.TrackList.SequenceEqual(b.TrackList))
        {
            return false;
        }

        return a with { LastSeen = b.LastSeen, Warnings = b.Warnings, TrackList = b.TrackList } == b;
    }
}
