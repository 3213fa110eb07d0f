using System.Threading.Tasks.Dataflow;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using Microsoft.Extensions.Logging;

namespace MotionServer.Pipeline.Graph;

internal sealed partial class MotionPipeline
{
    /// <summary>
    /// Every detection interval, beside the per-device look schedule: re-read the roster if it changed, and check the
    /// conditions the notices watch (disk space, hosts file, event folder, devices needing attention).
    /// </summary>
    private void EveryDetectionInterval()
    {
        RefreshRoster();
        _noticeChecks?.Run();
    }

    /// <summary>One presence round: post every completed device for a connect probe.</summary>
    private async Task ProbePresenceAsync(CancellationToken stopping)
    {
        var claimed = _fleet.ClaimForDisconnectionProbe();
        int posted = 0;
        try
        {
            foreach (var (id, address) in claimed)
            {
                var work = new DeviceWork(id, _fleet.HostnameOf(id), address);
                if (!await _graph!.Disconnection.SendAsync(work, stopping).ConfigureAwait(false))
                {
                    break;
                }

                posted++;
            }
        }
        finally
        {
            foreach (var (id, _) in claimed.Skip(posted))
            {
                _fleet.Release(id);
            }
        }
    }

    private void RefreshRoster()
    {
        switch (_roster.Refresh())
        {
            case RosterRefresh.Replaced:
                _fleet.ApplyRoster(_roster.Current);
                _fleet.SetRosterProblems([]);
                _notices.Hide(NoticeCodes.RosterRefused); // "Roster reloaded" says it ended
                RosterReloaded(_logger, _roster.Current.DeviceIds.Count);
                break;
            case RosterRefresh.Refused:
                var problems = _roster.Problems.Select(p => p.ToString()).ToArray();
                _fleet.SetRosterProblems(problems);
                _notices.Show(NoticeCodes.RosterRefused, NoticeSeverity.Error, RosterNotice(problems)); // each problem is logged below
                foreach (var problem in problems)
                {
                    RosterRefused(_logger, problem);
                }

                break;
        }
    }

    private static string RosterNotice(string[] problems) =>
        problems.Length == 1
            ? $"The roster change was refused, the last good roster stays in force - {problems[0]}"
            : $"The roster change was refused, the last good roster stays in force - {problems.Length} problems: {string.Join("; ", problems.Take(10))}{(problems.Length > 10 ? "; ..." : "")}";
}
