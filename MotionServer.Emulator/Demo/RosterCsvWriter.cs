using System.Globalization;
using System.Text;

namespace MotionServer.Emulator.Demo;

/// <summary>Writes roster rows as the event's <c>motions.csv</c> (dates <c>yyyy-MM-dd</c>).</summary>
internal static class RosterCsvWriter
{
    /// <summary>The header line, as events keep it.</summary>
    public const string Header = "Entrant ID,Tally,Motion ID,Start Date,End Date,File ID,First Name,Family Name,Craft Type,Class,Status,Entry Type";

    /// <summary>The whole file: header, then one line per row.</summary>
    public static string Write(IEnumerable<RosterRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows)
        {
            string[] fields =
            [
                Number(row.EntrantId), Number(row.Tally), Number(row.MotionId), Date(row.StartDate), Date(row.EndDate), row.FileId,
                row.FirstName, row.FamilyName, row.CraftType, row.Class, row.Status, row.EntryType,
            ];
            text.AppendJoin(',', fields.Select(Quote)).Append('\n');
        }

        return text.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
