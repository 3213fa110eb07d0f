using System.Globalization;

namespace MotionServer.Host.Results;

/// <summary>
/// The switches of <c>MotionServer.Host results</c>: track files (printed as a table or, with <c>--json</c>, as JSON),
/// or an event folder whose day's results files are rebuilt from the tracks on disk.
/// </summary>
internal sealed record ResultsArguments
{
    public const string Usage = """
        Usage: MotionServer.Host results [--json] FILE.oao [FILE.oao ...]
               MotionServer.Host results --event-dir DIR [--date yyyyMMdd]

          FILE              print the results of these track files, one row each, in the order given:
                            the figures by the rules (2 s, 10 s, 5x10 s, 500 m, nautical mile, 30 min,
                            1 h, alpha 500 in knots, distance in km), and whether the track is suspect
          --json            print them as a JSON array instead, each track with its figures by the
                            rules and the device's own figures
          --event-dir DIR   rebuild the day's results files (DIR/results/<yyyyMMdd>.csv and .json)
                            from the tracks on disk
          --date yyyyMMdd   the day to rebuild (default: today)

        Exit code: 0 done, 1 when a file cannot be read (the others are still printed), 2 on bad input.
        """;

    public IReadOnlyList<string> Files { get; init; } = [];

    public bool Json { get; init; }

    public string? EventDirectory { get; init; }

    public DateOnly? Date { get; init; }

    public bool Help { get; init; }

    /// <summary>Parses the arguments after <c>results</c>; returns null and a message when they are wrong.</summary>
    public static ResultsArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var parsed = new ResultsArguments();
        var files = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? arg[..equals] : arg;
            string? inline = equals > 0 && name.Length < arg.Length ? arg[(equals + 1)..] : null;
            string? Value() => inline ?? (i + 1 < args.Count ? args[++i] : null);
            error = null;
            parsed = name switch
            {
                "--json" => parsed with { Json = true },
                "--help" or "-h" or "-?" => parsed with { Help = true },
                "--event-dir" => Text(Value()) is { } folder ? parsed with { EventDirectory = folder } : Fail("--event-dir needs a value", out error),
                "--date" => ParseDate(Value(), parsed, out error),
                _ when arg.StartsWith('-') => Fail($"unknown option '{arg}'", out error),
                "" => Fail("an empty file name", out error),
                _ => Add(files, arg, parsed),
            };
            if (parsed is null)
            {
                return null;
            }
        }

        parsed = parsed with { Files = files };
        error = parsed.Help ? null : Problem(parsed);
        return error is null ? parsed : null;
    }

    /// <summary>What is wrong with a combination of switches each valid on its own.</summary>
    private static string? Problem(ResultsArguments parsed) => parsed switch
    {
        { EventDirectory: not null, Files.Count: > 0 } => "give track files or --event-dir, not both",
        { EventDirectory: not null, Json: true } => "--json prints the results of track files; --event-dir rebuilds the day's files",
        { EventDirectory: null, Date: not null } => "--date needs --event-dir",
        { EventDirectory: null, Files.Count: 0 } => "no track files: give FILE.oao ... or --event-dir DIR",
        _ => null,
    };

    private static ResultsArguments? ParseDate(string? value, ResultsArguments parsed, out string? error)
    {
        error = null;
        return DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? parsed with { Date = date }
            : Fail($"--date needs a day as yyyyMMdd, not '{value}'", out error);
    }

    private static ResultsArguments Add(List<string> files, string file, ResultsArguments parsed)
    {
        files.Add(file);
        return parsed;
    }

    private static string? Text(string? value) => string.IsNullOrEmpty(value) || value.StartsWith("--", StringComparison.Ordinal) ? null : value;

    private static ResultsArguments? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
