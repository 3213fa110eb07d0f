namespace MotionServer.Host.CommandLine;

/// <summary>
/// The tokens of the host's command line that are settings for configuration, not switches of the host:
/// <c>--MotionServer:Section:Key=value</c>, <c>/MotionServer:Section:Key=value</c> and <c>--MotionServer:Section:Key value</c>
/// (the forms the configuration command-line provider reads). Any other token the parser did not match is an unknown option.
/// </summary>
internal static class ConfigurationSwitches
{
    private const string Prefix = "MotionServer:";

    /// <summary>Splits the tokens that are none of the server's switches into settings (for configuration) and problems.</summary>
    public static (IReadOnlyList<string> Settings, IReadOnlyList<string> Problems) Split(IReadOnlyList<string> unmatched)
    {
        var settings = new List<string>();
        var problems = new List<string>();
        for (int i = 0; i < unmatched.Count; i++)
        {
            string token = unmatched[i];
            if (!IsSetting(token))
            {
                problems.Add(CommandLineProblems.UnknownOption(token));
                continue;
            }

            settings.Add(token);
            if (token.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            // "--MotionServer:Key value": the value is the next token the host did not take for itself.
            if (i + 1 < unmatched.Count && !IsSetting(unmatched[i + 1]))
            {
                settings.Add(unmatched[++i]);
            }
            else
            {
                settings.RemoveAt(settings.Count - 1);
                problems.Add(CommandLineProblems.NeedsValue(token));
            }
        }

        return (settings, problems);
    }

    private static bool IsSetting(string token) =>
        (token.StartsWith("--", StringComparison.Ordinal) && token.AsSpan(2).StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        || (token.StartsWith('/') && token.AsSpan(1).StartsWith(Prefix, StringComparison.OrdinalIgnoreCase));
}
