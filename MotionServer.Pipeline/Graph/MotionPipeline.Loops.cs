using System.Threading.Tasks.Dataflow;
using MotionServer.Pipeline.Inspection;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
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
        RenameCorrectedTracks();
        _noticeChecks?.Run();
    }

    /// <summary>
    /// Devices whose File IDs the roster corrected get their downloaded tracks renamed now, from the ledger, whether or
    /// not they are here (<see cref="RosterRenames"/>), as soon as no worker holds them (one being inspected meanwhile is
    /// renamed by its inspection, the same way). Never in a dry run: it writes nothing.
    /// </summary>
    private void RenameCorrectedTracks()
    {
        foreach (int id in _renamesOwed.ToArray())
        {
            if (!_fleet.Roster.Contains(id))
            {
                _renamesOwed.Remove(id);
                continue;
            }

            if (!_fleet.TryClaimIdle(id))
            {
                continue; // in the graph (an absent device is looked for all the time): at a later interval, or by its inspection
            }

            try
            {
                _rosterRenames.Run(id, _fleet.Roster);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                InspectionStage.LedgerUnreadable(_log.For(id), _fleet.HostnameOf(id), $"the File ID correction could not rename its tracks now ({e.Message}); they are renamed when it is inspected");
            }
            finally
            {
                _renamesOwed.Remove(id);
                _fleet.Release(id);
            }
        }
    }

    private void RefreshRoster()
    {
        switch (_roster.Refresh())
        {
            case RosterRefresh.Replaced:
                var previous = _fleet.Roster;
                _fleet.ApplyRoster(_roster.Current);
                if (!_options.DryRun)
                {
                    _renamesOwed.UnionWith(_roster.Current.DeviceIds.Where(id => RosterReplan.RowsChanged(previous, _roster.Current, id)));
                }

                _fleet.SetRosterProblems([]);
                _results?.RosterChanged(); // the results files show the roster's names and classes
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
