using System.CommandLine;
using System.CommandLine.Help;
using MotionServer.Host.Results;
using MotionServer.Host.Verify;

namespace MotionServer.Host.CommandLine;

/// <summary>
/// The one parser of the program's command line (System.CommandLine): the server's switches and its commands
/// <c>verify</c> and <c>results</c>. Tokens the server does not know are left for configuration when they are settings
/// (<see cref="ConfigurationSwitches"/>); every other mistake is reported, all of them at once.
/// </summary>
internal static class HostCommandLine
{
    /// <summary>No response files: a token such as <c>@notes</c> is a mistake or a file name, never a file to expand.</summary>
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    /// <summary>The program's commands: the server itself, <c>verify</c> and <c>results</c>.</summary>
    public static RootCommand Root { get; } = CreateRoot();

    public static ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args, Configuration);

    /// <summary>Whether the command line asks for the help of its command (<c>--help</c>, <c>-h</c>, <c>-?</c>).</summary>
    public static bool IsHelp(ParseResult result) => result.Action is HelpAction;

    /// <summary>
    /// The help of a command: the parser's description, usage, arguments, options and (for the server) commands, then
    /// the command lines in full and what else the reader needs (where settings come from, the exit codes).
    /// </summary>
    public static string Help(Command command)
    {
        using var text = new StringWriter();
        string[] helpOf = command == Root ? ["--help"] : [command.Name, "--help"];
        Parse(helpOf).Invoke(new InvocationConfiguration { Output = text, Error = text });
        text.WriteLine("Command lines:");
        foreach (string line in Synopsis(command))
        {
            text.WriteLine($"  {line}");
        }

        text.WriteLine();
        foreach (string line in Epilogue(command))
        {
            text.WriteLine(line);
        }

        return text.ToString().TrimEnd();
    }

    private static RootCommand CreateRoot()
    {
        var root = new RootCommand("Motion Server: finds the Motion GPS devices of an event, downloads their tracks and keeps the dashboards fresh.");
        foreach (var builtIn in root.Options.Where(o => o.Name == "--version").ToList())
        {
            root.Options.Remove(builtIn); // ours prints the commit too
        }

        root.SetAction(_ => ExitCodes.Success); // the server is the root's own command: not "a command is required"
        HostArguments.AddTo(root);
        root.Add(VerifyArguments.Command);
        root.Add(ResultsArguments.Command);
        return root;
    }

    private static IReadOnlyList<string> Synopsis(Command command) =>
        command == VerifyArguments.Command ? VerifyArguments.Synopsis
        : command == ResultsArguments.Command ? ResultsArguments.Synopsis
        : [.. HostArguments.Synopsis, .. VerifyArguments.Synopsis, .. ResultsArguments.Synopsis];

    private static IReadOnlyList<string> Epilogue(Command command) =>
        command == VerifyArguments.Command ? [VerifyArguments.ExitCodeLine]
        : command == ResultsArguments.Command ? [ResultsArguments.ExitCodeLine]
        : HostArguments.Epilogue;
}
