using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace MotionServer.Emulator.Cli;

/// <summary>
/// The emulator's command line (System.CommandLine, as the server's): a fleet by default, or <c>demo</c>, the server's
/// demo fleet. Every problem is reported at once, in the order of the command line.
/// </summary>
internal static class EmulatorCommandLine
{
    /// <summary>No response files: every token is what it says.</summary>
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    /// <summary>The emulator's commands: the fleet (the root), <c>demo</c> and <c>day</c>.</summary>
    public static RootCommand Root { get; } = CreateRoot();

    public static ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args, Configuration);

    public static bool IsHelp(ParseResult result) => result.Action is HelpAction;

    /// <summary>The help of the fleet (or of <c>demo</c>), as <c>--help</c> prints it.</summary>
    public static string Help(Command? command = null)
    {
        using var text = new StringWriter();
        string[] helpOf = command is null || command == Root ? ["--help"] : [command.Name, "--help"];
        Parse(helpOf).Invoke(new InvocationConfiguration { Output = text, Error = text });
        return text.ToString().TrimEnd();
    }

    public static string NeedsValue(string name) => $"{name} needs a value";

    /// <summary>Every problem, in the order of the command line: the parser's, then unknown arguments, by position.</summary>
    public static List<string> Problems(ParseResult result)
    {
        var problems = new List<(int Position, string Text)>();
        foreach (var error in result.Errors)
        {
            problems.Add((Position(result, error.SymbolResult), Describe(error)));
        }

        foreach (string token in result.UnmatchedTokens)
        {
            problems.Add((IndexOf(result.Tokens, t => t.Value == token && t.Type == TokenType.Argument), $"unknown argument \"{token}\""));
        }

        return [.. problems.OrderBy(p => p.Position).Select(p => p.Text).Distinct(StringComparer.Ordinal)];
    }

    private static RootCommand CreateRoot()
    {
        var root = new RootCommand("An emulated fleet of Motion GPS loggers: devices listen on 127.0.0.2, 127.0.0.3 ... (loopback only) until Ctrl+C.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        foreach (var option in EmulatorArguments.Options)
        {
            root.Add(option);
        }

        root.Add(DemoArguments.Command);
        root.Add(DayArguments.Command);
        root.SetAction(_ => 0); // the fleet is the root's own command: not "a command is required"
        return root;
    }

    private static string Describe(ParseError error) => error.SymbolResult switch
    {
        OptionResult { Tokens.Count: 0 } option when option.Option.Arity.MinimumNumberOfValues > 0 =>
            option.Option.HelpName == "FILE" ? $"{option.Option.Name} needs a file name" : NeedsValue(option.Option.Name),
        _ => error.Message,
    };

    private static int Position(ParseResult result, SymbolResult? symbol)
    {
        Token? token = symbol switch
        {
            OptionResult option => option.IdentifierToken,
            { Tokens: [var first, ..] } => first,
            _ => null,
        };
        int index = token is null ? -1 : IndexOf(result.Tokens, t => ReferenceEquals(t, token));
        return index < 0 ? int.MaxValue : index;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Func<Token, bool> match)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (match(tokens[i]))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
