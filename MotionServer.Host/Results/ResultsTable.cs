using System.Globalization;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Host.Results;

/// <summary>
/// Prints results as a plain-text table, one row per track: file, suspect, then the figures by the rules (knots, two
/// decimals; distance in km; "-" where the track is too short for the category); each reason on its own indented line
/// below its track.
/// </summary>
internal static class ResultsTable
{
    private static readonly string[] Headings = ["FILE", "SUSPECT", "2S", "10S", "5X10", "500M", "NM", "30MIN", "1H", "ALPHA", "KM"];

    public static void Write(TextWriter output, IReadOnlyList<(string File, TrackResults Results)> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        var cells = rows.Select(row => Cells(row.File, row.Results)).ToList();
        int[] widths = [.. Headings.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length)))];
        output.WriteLine(Line(Headings, widths));
        for (int r = 0; r < rows.Count; r++)
        {
            output.WriteLine(Line(cells[r], widths));
            foreach (var reason in rows[r].Results.Reasons)
            {
                output.WriteLine($"    - {reason.Text}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} track(s): {rows.Count(r => r.Results.IsSuspect)} suspect"));
    }

    private static string[] Cells(string file, TrackResults results)
    {
        var f = results.Figures;
        return
        [
            file, results.IsSuspect ? "yes" : "no",
            Figure(f.TwoSeconds), Figure(f.TenSeconds), Figure(f.FiveByTenSeconds), Figure(f.FiveHundredMetres), Figure(f.NauticalMile),
            Figure(f.ThirtyMinutes), Figure(f.OneHour), Figure(f.Alpha500), Figure(f.DistanceKm),
        ];
    }

    private static string Figure(double? value) =>
        ResultText.Figure(value, "-");

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i >= 2 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
}
