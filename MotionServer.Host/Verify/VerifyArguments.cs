using System.CommandLine;
using MotionServer.Host.CommandLine;

namespace MotionServer.Host.Verify;

/// <summary>The switches of <c>MotionServer.Host verify</c>: an event folder, track files, or both.</summary>
internal sealed record VerifyArguments
{
    private static readonly Option<string> EventDirectoryOption = CommandLineProblems.ValueOption(
        "--event-dir", "DIR",
        "verify every track under DIR/gpslogs/ against the device ledgers (motions/motion-<id>/downloads.json), and list ledger entries \"completed\" whose file is missing");

    private static readonly Option<bool> NotesOption = new("--notes")
    {
        Description = "also print what was compared only loosely or not flagged (rules the format notes list as unknown)",
    };

    private static readonly Argument<string[]> FilesArgument = CommandLineProblems.FilesArgument(
        "verify these track files (with their ledger entries when they lie in an event folder's gpslogs/)");

    /// <summary>The <c>verify</c> command of the one parser (<see cref="HostCommandLine"/>).</summary>
    public static Command Command { get; } = new(VerifyCommand.Name, "check tracks already on disk")
    {
        EventDirectoryOption, NotesOption, FilesArgument,
    };

    public static IReadOnlyList<string> Synopsis { get; } =
    [
        "MotionServer.Host verify --event-dir DIR | FILE.oao ...   (check tracks on disk; verify --help)",
    ];

    public const string ExitCodeLine = "Exit code: 0 when every track is valid, 1 when any is damaged or missing, 2 on bad input.";

    public string? EventDirectory { get; init; }

    public IReadOnlyList<string> Files { get; init; } = [];

    public bool Help { get; init; }

    public bool Notes { get; init; }

    /// <summary>The arguments of a parsed <c>verify</c> command line; null, with every problem, when they are wrong.</summary>
    public static VerifyArguments? From(ParseResult result, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(result);
        var found = CommandLineProblems.Of(result);
        bool help = HostCommandLine.IsHelp(result);
        if (!help && found.Count == 0 && result.GetResult(EventDirectoryOption) is not { Implicit: false } && result.GetValue(FilesArgument) is not { Length: > 0 })
        {
            found.Add("nothing to verify: give --event-dir DIR or track files");
        }

        problems = found;
        return found.Count > 0 ? null : new VerifyArguments
        {
            EventDirectory = result.GetValue(EventDirectoryOption),
            Files = result.GetValue(FilesArgument) ?? [],
            Notes = result.GetValue(NotesOption),
            Help = help,
        };
    }
}
