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

    private static readonly CsvConfiguration Layout = new(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

    /// <summary>The file's bytes for <paramref name="rows"/>.</summary>
    public static byte[] Write(IReadOnlyList<DayResultRow> rows)
    {
        using var bytes = new MemoryStream();
        Write(rows, bytes);
        return bytes.ToArray();
    }

    /// <summary>
    /// Writes the file's bytes for <paramref name="rows"/> at the end of <paramref name="destination"/>, left open:
    /// the results stage writes into the same stream at every rebuild rather than into a new string and array each time.
    /// </summary>
    public static void Write(IReadOnlyList<DayResultRow> rows, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(destination);
        using var text = new StreamWriter(destination, Utf8, bufferSize: 4096, leaveOpen: true);
        using var csv = new CsvWriter(text, Layout);
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
        ReadOnlySpan<double?> figures = [b.DistanceKm, b.TwoSeconds, b.TenSeconds, b.FiveByTenSeconds, b.FiveHundredMetres, b.NauticalMile, b.ThirtyMinutes, b.OneHour, b.Alpha500];
        foreach (var figure in figures)
        {
            csv.WriteField(ResultText.Figure(figure, ""));
        }

        csv.WriteField(row.SuspectTracks.ToString(CultureInfo.InvariantCulture));
    }
}
