using System.Globalization;
using MotionServer.Pipeline.Tracks;

namespace MotionServer.Host.Verify;

/// <summary>
/// Prints the rows as a plain-text table: file, device, verdict, then the figures recomputed from the frames (duration,
/// distance, best 2 s / 10 s / 500 m in knots); each defect on its own indented line below its track.
/// </summary>
internal static class VerifyTable
{
    private static readonly string[] Headings = ["FILE", "DEVICE", "VERDICT", "DURATION", "DISTANCE", "2S", "10S", "500M"];

    public static void Write(TextWriter output, IReadOnlyList<VerifyRow> rows, bool notes = false)
    {
        var cells = rows.Select(Cells).ToList();
        int[] widths = [.. Headings.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length)))];
        output.WriteLine(Line(Headings, widths));
        for (int r = 0; r < rows.Count; r++)
        {
            output.WriteLine(Line(cells[r], widths));
            foreach (var defect in rows[r].Verdict?.Defects ?? [])
            {
                output.WriteLine($"    - {defect.Text}");
            }

            foreach (string note in notes ? rows[r].Verdict?.Notes ?? [] : [])
            {
                output.WriteLine($"    note: {note}");
            }
        }

        int valid = rows.Count(r => r.Passed);
        int missing = rows.Count(r => r.Verdict is null);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} track(s): {valid} valid, {rows.Count - valid - missing} damaged, {missing} missing"));
    }

    private static string[] Cells(VerifyRow row)
    {
        var s = row.Verdict?.Summary;
        if (s is null)
        {
            return [row.Target.Name, row.Target.Device, row.Word, "", "", "", "", ""];
        }

        return
        [
            row.Target.Name,
            row.Target.Device,
            row.Word,
            TrackFigures.FormatDuration(s.Duration),
            TrackFigures.FormatDistance(s.Distance),
            Knots(s.Best2s),
            Knots(s.Best10s),
            Knots(s.Best500m),
        ];
    }

    private static string Knots(long millimetresPerSecond) =>
        TrackFigures.ToKnots(millimetresPerSecond).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i >= 3 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
}
