using System.CommandLine;
using System.Globalization;
using MotionServer.Host.CommandLine;

namespace MotionServer.Host.Results;

/// <summary>
/// The switches of <c>MotionServer.Host results</c>: track files (printed as a table or, with <c>--json</c>, as JSON),
/// or an event folder whose day's results files are rebuilt from the tracks on disk.
/// </summary>
internal sealed record ResultsArguments
{
    private static readonly Argument<string[]> FilesArgument = CommandLineProblems.FilesArgument(
        "print the results of these track files, one row each, in the order given: the figures by the rules (2 s, 10 s, 5x10 s, 500 m, "
        + "nautical mile, 30 min, 1 h, alpha 500 in knots, distance in km), and whether the track is suspect");

    private static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "print them as a JSON array instead, each track with its figures by the rules and the device's own figures",
    };

    private static readonly Option<string> EventDirectoryOption = CommandLineProblems.ValueOption(
        "--event-dir", "DIR", "rebuild the day's results files (DIR/results/<yyyyMMdd>.csv and .json) from the tracks on disk");

    private static readonly Option<DateOnly?> DateOption = new("--date")
    {
        HelpName = "yyyyMMdd",
        Description = "the day to rebuild (default: every day that has a completed track)",
        CustomParser = ParseDate,
    };

    /// <summary>The <c>results</c> command of the one parser (<see cref="HostCommandLine"/>).</summary>
    public static Command Command { get; } = new(ResultsCommand.Name, "print tracks' results by the speed-sailing rules, or rebuild the day's results files")
    {
        FilesArgument, JsonOption, EventDirectoryOption, DateOption,
    };

    public static IReadOnlyList<string> Synopsis { get; } =
    [
        "MotionServer.Host results [--json] FILE.oao ...           (results by the rules; results --help)",
        "MotionServer.Host results --event-dir DIR [--date yyyyMMdd]   (rebuild the day's results files)",
    ];

    public const string ExitCodeLine = "Exit code: 0 done, 1 when a file cannot be read (the others are still printed), 2 on bad input.";

    public IReadOnlyList<string> Files { get; init; } = [];

    public bool Json { get; init; }

    public string? EventDirectory { get; init; }

    public DateOnly? Date { get; init; }

    public bool Help { get; init; }

    /// <summary>The arguments of a parsed <c>results</c> command line; null, with every problem, when they are wrong.</summary>
    public static ResultsArguments? From(ParseResult result, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(result);
        var found = CommandLineProblems.Of(result);
        bool help = HostCommandLine.IsHelp(result);
        if (!help && Combination(result) is { } problem)
        {
            found.Add(problem);
        }

        problems = found;
        return found.Count > 0 ? null : new ResultsArguments
        {
            Files = result.GetValue(FilesArgument) ?? [],
            Json = result.GetValue(JsonOption),
            EventDirectory = result.GetValue(EventDirectoryOption),
            Date = result.GetValue(DateOption),
            Help = help,
        };
    }

    /// <summary>What is wrong with a combination of switches each valid on its own (judged by which are given).</summary>
    private static string? Combination(ParseResult result)
    {
        bool folder = Given(result, EventDirectoryOption);
        bool files = result.GetResult(FilesArgument) is { Tokens.Count: > 0 };
        return (folder, files) switch
        {
            (true, true) => "give track files or --event-dir, not both",
            (true, false) when Given(result, JsonOption) => "--json prints the results of track files; --event-dir rebuilds the day's files",
            (false, _) when Given(result, DateOption) => "--date needs --event-dir",
            (false, false) => "no track files: give FILE.oao ... or --event-dir DIR",
            _ => null,
        };
    }

    /// <summary>Whether the option is on the command line (a switch's implicit "false" is not).</summary>
    private static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    private static DateOnly? ParseDate(System.CommandLine.Parsing.ArgumentResult result)
    {
        string? value = result.Tokens is [{ Value: var text }] ? text : null;
        if (DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--date needs a day as yyyyMMdd, not '{value}'");
        return null;
    }
}
