using System.CommandLine;
using System.CommandLine.Parsing;

namespace MotionServer.Host.CommandLine;

/// <summary>
/// What is wrong with a parsed command line, every problem at once, in the order of the command line, in the words the
/// documentation gives ("--event-dir needs a value", "unknown option '--bogus'") rather than the parser's own.
/// </summary>
internal static class CommandLineProblems
{
    /// <summary>The parser's errors, translated, in the order their tokens came.</summary>
    public static List<string> Of(ParseResult result) =>
        [.. result.Errors.OrderBy(e => Position(result, e)).Select(Describe).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// An option that takes one value; a value that looks like a switch is refused, so that
    /// <c>--event-dir --notes</c> is a missing folder rather than a folder named "--notes".
    /// </summary>
    public static Option<string> ValueOption(string name, string valueName, string description)
    {
        var option = new Option<string>(name) { HelpName = valueName, Description = description };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && (value.Length == 0 || value.StartsWith('-')))
            {
                result.AddError(NeedsValue(name));
            }
        });
        return option;
    }

    /// <summary>Track files given after a command: anything that looks like a switch is an unknown option, not a file.</summary>
    public static Argument<string[]> FilesArgument(string description)
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.ZeroOrMore, HelpName = "FILE.oao", Description = description };
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-'))
                {
                    result.AddError(UnknownOption(token.Value));
                }
                else if (token.Value.Length == 0)
                {
                    result.AddError("an empty file name");
                }
            }
        });
        return files;
    }

    public static string UnknownOption(string token) => $"unknown option '{token}'";

    public static string NeedsValue(string name) => $"{name} needs a value";

    private static string Describe(ParseError error) => error.SymbolResult switch
    {
        OptionResult { Tokens.Count: 0 } option when option.Option.Arity.MinimumNumberOfValues > 0 => NeedsValue(option.Option.Name),
        _ => error.Message,
    };

    private static int Position(ParseResult result, ParseError error)
    {
        Token? token = error.SymbolResult switch
        {
            OptionResult option => option.IdentifierToken,
            { Tokens: [var first, ..] } symbol => first,
            _ => null,
        };
        int index = token is null ? -1 : FindIndex(result.Tokens, token);
        return index < 0 ? int.MaxValue : index;
    }

    private static int FindIndex(IReadOnlyList<Token> tokens, Token token)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return -1;
    }
}
