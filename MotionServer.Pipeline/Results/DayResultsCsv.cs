using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Results;

/// <summary>
/// <c>results/&lt;yyyyMMdd&gt;.csv</c>: RFC 4180 (CRLF, fields quoted when needed), UTF-8 without a BOM, invariant
/// culture, one row per roster row of the day. Figures in knots (distance in km) with two decimals, empty when none;
/// time on the water as <c>h:mm:ss</c>. Nothing in it depends on when it was written.
/// </summary>
internal static class DayResultsCsv
{
    /// <summary>The header, in column order.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "File ID", "Motion ID", "First Name", "Family Name", "Entrant ID", "Craft Type", "Tracks", "Time on water",
        "Distance (km)", "2s", "10s", "5x10s", "500m", "1852m", "30min", "1h", "alpha500", "Suspect tracks",
    ];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The file's bytes for <paramref name="rows"/>.</summary>
    public static byte[] Write(IReadOnlyList<DayResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, config))
        {
            foreach (string name in Header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                WriteRow(csv, row);
                csv.NextRecord();
            }
        }

        return Utf8.GetBytes(text.ToString());
    }

    private static void WriteRow(CsvWriter csv, DayResultRow row)
    {
        var e = row.Entry;
        var b = row.Best;
        csv.WriteField(e.FileId);
        csv.WriteField(e.MotionId.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(e.FirstName);
        csv.WriteField(e.FamilyName);
        csv.WriteField(e.EntrantId);
        csv.WriteField(e.CraftType);
        csv.WriteField(row.Tracks.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(ResultText.Duration(b.TimeOnWater));
        foreach (var figure in (double?[])[b.DistanceKm, b.TwoSeconds, b.TenSeconds, b.FiveByTenSeconds, b.FiveHundredMetres, b.NauticalMile, b.ThirtyMinutes, b.OneHour, b.Alpha500])
        {
            csv.WriteField(ResultText.Figure(figure, ""));
        }

        csv.WriteField(row.SuspectTracks.ToString(CultureInfo.InvariantCulture));
    }
}
