using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Dashboard;

/// <summary>
/// Tells whether two snapshots would render the same pages but for the passing of time: the time of the snapshot
/// and the devices' "last seen" (refreshed by every probe of a present device) are left out, like the "3 min ago"
/// texts that follow from them; everything else a page shows is compared by value. <see cref="SameFor"/> compares
/// only what one built-in page shows, so that a download's progress rewrites index.html and status.json alone.
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

    /// <summary>
    /// True when the built-in template of <paramref name="page"/> (a file of <see cref="DashboardRenderer.Pages"/>) would
    /// render <paramref name="a"/> and <paramref name="b"/> the same but for time. An event's own template may show
    /// anything: compare those with <see cref="Same"/>.
    /// </summary>
    public static bool SameFor(string page, FleetSnapshot a, FleetSnapshot b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!SameFrame(a, b))
        {
            return false;
        }

        return page switch
        {
            "index.html" => a.StillOut.SequenceEqual(b.StillOut) && SameDevices(a.Motions, b.Motions),
            "events.html" => a.RecentEvents.SequenceEqual(b.RecentEvents) && SameNames(a.Motions, b.Motions, tracks: false),
            "tracks.html" => SameNames(a.Motions, b.Motions, tracks: true),
            "results.html" => ReferenceEquals(a.Roster, b.Roster) && SameNames(a.Motions, b.Motions, tracks: true),
            _ => Same(a, b),
        };
    }

    /// <summary>What every page shows around its content: the title, the banners, whether the server runs.</summary>
    private static bool SameFrame(FleetSnapshot a, FleetSnapshot b) =>
        a.Running == b.Running
        && string.Equals(a.EventDirectory, b.EventDirectory, StringComparison.Ordinal)
        && a.RosterProblems.SequenceEqual(b.RosterProblems, StringComparer.Ordinal)
        && a.Notices.SequenceEqual(b.Notices);

    /// <summary>The devices' names, and their tracks when <paramref name="tracks"/>, in order (what the tracks, results and events pages take from devices).</summary>
    private static bool SameNames(IReadOnlyList<MotionSnapshot> a, IReadOnlyList<MotionSnapshot> b, bool tracks)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i], b[i])
                && (a[i].Id != b[i].Id
                    || !string.Equals(a[i].Hostname, b[i].Hostname, StringComparison.Ordinal)
                    || !string.Equals(a[i].Competitor, b[i].Competitor, StringComparison.Ordinal)
                    || (tracks && !a[i].TrackList.SequenceEqual(b[i].TrackList))))
            {
                return false;
            }
        }

        return true;
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
