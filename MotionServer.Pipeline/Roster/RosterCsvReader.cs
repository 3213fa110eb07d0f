using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace MotionServer.Pipeline.Roster;

/// <summary>
/// Reads the event's <c>config/motions.csv</c>. Every problem is gathered with its line, so the operator
/// can fix the whole file at once. Rows whose Motion ID is blank, 0 or negative are placeholders and are skipped.
/// The file may come straight from a spreadsheet: comma- or semicolon-separated (Excel and LibreOffice in many
/// European locales save with semicolons; the header line tells which), with or without a UTF-8 byte-order mark,
/// in UTF-16 or Excel's Windows-1252 (<see cref="RosterText"/>), with CRLF or LF line ends.
/// </summary>
internal static class RosterCsvReader
{
    /// <summary>Columns a roster must have.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = ["Motion ID", "Start Date", "End Date", "File ID"];

    /// <summary>Columns the server reads when they are there (others are ignored).</summary>
    public static readonly IReadOnlyList<string> OptionalColumns = ["First Name", "Family Name", "Entrant ID", "Craft Type"];

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Reads a roster file.</summary>
    /// <exception cref="RosterException">The file is missing, unreadable or has problems; every one is named.</exception>
    public static MotionRoster ReadFile(string path, string? displayName = null)
    {
        string name = displayName ?? path;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return Read(new StringReader(RosterText.Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length))), name);
        }
        catch (FileNotFoundException)
        {
            throw new RosterException([new RosterProblem(name, 0, $"not found: create it with the columns {string.Join(", ", RequiredColumns)}")], unreadable: true);
        }
        catch (DirectoryNotFoundException)
        {
            throw new RosterException([new RosterProblem(name, 0, $"not found: create it with the columns {string.Join(", ", RequiredColumns)}")], unreadable: true);
        }
        catch (IOException e)
        {
            throw new RosterException([new RosterProblem(name, 0, $"cannot be read: {e.Message}")], unreadable: true);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new RosterException([new RosterProblem(name, 0, $"cannot be read: {e.Message}")], unreadable: true);
        }
    }

    /// <summary>Reads roster text.</summary>
    /// <exception cref="RosterException">Naming every problem.</exception>
    public static MotionRoster Read(TextReader text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);

        // A roster is small: read it whole, so the header line can choose the delimiter before parsing starts.
        string content = text.ReadToEnd().TrimStart('\uFEFF');
        char delimiter = RosterDelimiter.Detect(content);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = null,
        };
        var problems = new List<RosterProblem>();
        var entries = new List<RosterEntry>();
        try
        {
            using var csv = new CsvReader(new StringReader(content), config);
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            {
                throw new RosterException([new RosterProblem(source, 0, $"is empty: the first line must name the columns {string.Join(", ", RequiredColumns)}")]);
            }

            var columns = IndexColumns(header);
            var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToArray();
            if (missing.Length > 0)
            {
                throw new RosterException([new RosterProblem(source, 1,
                    $"missing column{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"\"{m}\""))}" +
                    $" - expected the columns {string.Join(", ", RequiredColumns)} (and optionally {string.Join(", ", OptionalColumns)})," +
                    $" separated by commas or semicolons; found: {FoundColumns(header, delimiter)}")]);
            }

            while (csv.Read())
            {
                int line = csv.Parser.RawRow;
                var row = new RowReader(csv, columns, source, line, problems);
                if (row.ReadEntry() is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }
        catch (CsvHelperException e)
        {
            problems.Add(new RosterProblem(source, e.Context?.Parser?.RawRow ?? 0, $"is not readable CSV: {e.Message.Split('\n')[0]}"));
        }

        problems.AddRange(MotionRoster.FindOverlaps(entries, source));
        if (problems.Count > 0)
        {
            throw new RosterException(problems.OrderBy(p => p.Line).ToArray());
        }

        return MotionRoster.Create(entries, source);
    }

    private static string FoundColumns(string[] header, char delimiter)
    {
        string found = string.Join(", ", header.Select(h => $"\"{h.Trim()}\""));
        string separator = delimiter switch { ';' => "semicolons", '\t' => "tabs", _ => "commas" };
        return header.Length == 1
            ? $"one column {found} (read as separated by {separator})"
            : $"{found} (separated by {separator})";
    }

    private static Dictionary<string, int> IndexColumns(string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }

        return columns;
    }

    /// <summary>Reads one row, adding a problem for each bad field.</summary>
    private readonly ref struct RowReader(CsvReader csv, Dictionary<string, int> columns, string source, int line, List<RosterProblem> problems)
    {
        private readonly CsvReader _csv = csv;
        private readonly Dictionary<string, int> _columns = columns;
        private readonly string _source = source;
        private readonly int _line = line;
        private readonly List<RosterProblem> _problems = problems;

        public RosterEntry? ReadEntry()
        {
            string idText = Field("Motion ID");
            if (idText.Length == 0)
            {
                return null; // placeholder row without a device yet
            }

            if (!int.TryParse(idText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int id))
            {
                Problem($"Motion ID \"{idText}\" is not a whole number");
                return null;
            }

            if (id <= 0)
            {
                return null; // placeholder, as real rosters have
            }

            var start = Date("Start Date");
            var end = Date("End Date");
            string fileId = Field("File ID");
            if (start is null || end is null)
            {
                return null;
            }

            var entry = new RosterEntry
            {
                MotionId = id,
                StartDate = start.Value,
                EndDate = end.Value,
                FileId = fileId,
                FirstName = Field("First Name"),
                FamilyName = Field("Family Name"),
                EntrantId = Field("Entrant ID"),
                CraftType = Field("Craft Type"),
                Line = _line,
            };
            int before = _problems.Count;
            _problems.AddRange(MotionRoster.CheckEntry(entry, _source));
            return _problems.Count == before ? entry : null;
        }

        private string Field(string column) =>
            _columns.TryGetValue(column, out int index) && _csv.TryGetField(index, out string? value) && value is not null
                ? value.Trim()
                : "";

        private DateOnly? Date(string column)
        {
            string text = Field(column);
            if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Problem(text.Length == 0
                ? $"{column} is empty (expected a date such as 2025-10-11)"
                : $"{column} \"{text}\" is not a date of the form yyyy-MM-dd (such as 2025-10-11)");
            return null;
        }

        private void Problem(string message) => _problems.Add(new RosterProblem(_source, _line, message));
    }
}
