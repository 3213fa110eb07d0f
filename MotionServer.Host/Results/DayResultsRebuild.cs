using System.Globalization;
using MotionServer.Pipeline.Results;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Host.Results;

/// <summary>
/// <c>results --event-dir DIR [--date yyyyMMdd]</c>: rebuilds the day's results files (<c>results/&lt;yyyyMMdd&gt;.csv</c>
/// and <c>.json</c>) from the ledgers on disk, as the server does when a track lands: the same tracks give the same
/// bytes. Without a date, every day that has a completed track. Reads the roster and the ledgers; writes only the
/// results files, each replaced atomically, so it is safe beside a running server.
/// </summary>
internal static class DayResultsRebuild
{
    /// <summary>Rebuilds the results files of <paramref name="day"/> (null: every day with tracks); returns the exit code.</summary>
    public static int Run(string eventDirectory, DateOnly? day, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var folder = new EventFolder(eventDirectory);
        MotionRoster roster;
        try
        {
            roster = RosterCsvReader.ReadFile(folder.RosterFile, "config/motions.csv");
        }
        catch (RosterException e)
        {
            foreach (var problem in e.Problems)
            {
                error.WriteLine($"MotionServer.Host results: {problem}");
            }

            return ExitCodes.BadInput;
        }

        var days = day is { } one ? [one] : DayResultsBuilder.DaysWithTracks(eventDirectory);
        int problems = 0;
        foreach (var date in days)
        {
            var written = DayResultsBuilder.Rebuild(eventDirectory, roster, date);
            foreach (string problem in written.Problems)
            {
                error.WriteLine($"MotionServer.Host results: {problem}");
                problems++;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{date:yyyyMMdd}: {written.Rows.Count} row(s), {Path.GetRelativePath(folder.Root, written.CsvFile)} and {Path.GetFileName(written.JsonFile)} {(written.Changed ? "written" : "unchanged")}"));
        }

        if (days.Count == 0)
        {
            output.WriteLine("no completed track in the ledgers: nothing to rebuild");
        }

        return problems == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
