using System.Globalization;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Download;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.State;

namespace MotionServer.Pipeline.Graph;

/// <summary>
/// Looks, at every detection sweep, at the conditions that are states rather than events — free disk space, the
/// hosts file, a router's catch-all answer, devices needing attention, a writable event folder — and raises or
/// clears their notices. Each look is cheap (the folder write check runs at most once per
/// <see cref="FolderCheckInterval"/>); it never throws.
/// </summary>
internal sealed class NoticeChecks(
    NoticeBoard board,
    FleetState fleet,
    DiskSpaceGate diskSpace,
    EventFolderWriteCheck folder,
    string folderPath,
    HostsFile? hostsFile,
    string? hostsFileSetting,
    DeviceAddressResolver? resolver)
{
    /// <summary>Time between two write checks of the event folder.</summary>
    public static readonly TimeSpan FolderCheckInterval = TimeSpan.FromSeconds(30);

    /// <summary>Runs every check once.</summary>
    public void Run()
    {
        diskSpace.Check();
        CheckFolder();
        CheckHostsFile();
        CheckCatchAll();
        CheckAttention();
    }

    private void CheckFolder()
    {
        if (folder.Problem() is { } problem)
        {
            board.Raise(NoticeCodes.EventFolderNotWritable, NoticeSeverity.Error,
                $"The event folder {folderPath} cannot be written ({problem}) - tracks, ledgers and dashboards cannot be saved until it is writable again");
        }
        else
        {
            board.Clear(NoticeCodes.EventFolderNotWritable);
        }
    }

    private void CheckHostsFile()
    {
        if (hostsFile is null)
        {
            return;
        }

        hostsFile.Refresh();
        if (hostsFile.Problem is { } problem)
        {
            board.Raise(NoticeCodes.HostsFileUnreadable, NoticeSeverity.Error,
                $"The hosts file {hostsFileSetting} (Network:HostsFile, {hostsFile.Path}) {problem} - devices it names are looked up by DNS only");
        }
        else
        {
            board.Clear(NoticeCodes.HostsFileUnreadable);
        }
    }

    private void CheckCatchAll()
    {
        if (resolver is null)
        {
            return;
        }

        int names = resolver.NamesAnsweredByCatchAll;
        if (names > 0 && resolver.CatchAllAddress is { } address)
        {
            board.Raise(NoticeCodes.CatchAllAddress, NoticeSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
                $"The network answers unknown device names with {address} ({names} device name(s) now), which counts as not on the network (Network:IgnoredAddresses) - a router that registers the devices' DHCP names, or a Network:HostsFile, makes detection surer"));
        }
        else
        {
            board.Clear(NoticeCodes.CatchAllAddress);
        }
    }

    private void CheckAttention()
    {
        // Each device's "needs attention" line is logged (ERROR) when it is flagged: the notice only shows them together.
        var hostnames = fleet.HostnamesNeedingAttention();
        if (hostnames.Count > 0)
        {
            board.Show(NoticeCodes.DevicesNeedAttention, NoticeSeverity.Error, string.Create(CultureInfo.InvariantCulture,
                $"{hostnames.Count} device(s) keep failing and need attention: {string.Join(", ", hostnames.Take(20))}{(hostnames.Count > 20 ? ", ..." : "")} - see each device for the reason"));
        }
        else
        {
            board.Hide(NoticeCodes.DevicesNeedAttention);
        }
    }
}
