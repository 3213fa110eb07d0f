using System.CommandLine;

namespace MotionServer.Host.CommandLine;

/// <summary>
/// The server's own switches, read from the one parser (<see cref="HostCommandLine"/>) before configuration sees the
/// command line (the configuration provider silently drops a value-less switch such as <c>--demo</c>). Settings such as
/// <c>--MotionServer:Section:Key=value</c> are left for configuration.
/// </summary>
internal sealed record HostArguments
{
    private static readonly Option<string> EventDirectoryOption = CommandLineProblems.ValueOption(
        "--event-dir", "DIR", "the event's folder (default: the current directory; required when running as a service)");

    private static readonly Option<string> SettingsOption = CommandLineProblems.ValueOption(
        "--settings", "FILE", "an extra JSON settings file layered over appsettings.json");

    private static readonly Option<bool> DemoOption = new("--demo") { Description = "run against an emulated fleet of Motion devices on loopback" };

    private static readonly Option<bool> DryRunOption = new("--dry-run") { Description = "find devices and log what would be downloaded and what skipped; write nothing but the log" };

    private static readonly Option<bool> VersionOption = new("--version") { Description = "show the version and commit of this build" };

    /// <summary>
    /// Every other token of the server's command line: settings such as --MotionServer:Network:Port=8080 are kept for
    /// configuration (<see cref="ConfigurationSwitches"/>), anything else is a mistake. Hidden: the help says it in words.
    /// </summary>
    private static readonly Argument<string[]> OtherTokens = new("settings") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };

    public string? EventDirectory { get; init; }

    public string? SettingsFile { get; init; }

    public bool Demo { get; init; }

    public bool Help { get; init; }

    /// <summary><c>--version</c>: print the version and commit, then exit.</summary>
    public bool Version { get; init; }

    /// <summary><c>--dry-run</c>: find devices and log what would be downloaded and what skipped, writing nothing but the log.</summary>
    public bool DryRun { get; init; }

    /// <summary>Arguments for the configuration command-line provider.</summary>
    public IReadOnlyList<string> ConfigurationArguments { get; init; } = [];

    /// <summary>The usage lines of the server (the commands add theirs in the help).</summary>
    public static IReadOnlyList<string> Synopsis { get; } =
    [
        "MotionServer.Host [--event-dir DIR] [--settings FILE] [--demo] [--dry-run] [--MotionServer:Section:Key=value ...]",
        "MotionServer.Host --version",
    ];

    /// <summary>The end of the server's help: where else settings come from.</summary>
    public static IReadOnlyList<string> Epilogue { get; } =
    [
        "Settings: --MotionServer:Section:Key=value (or /MotionServer:Section:Key=value) sets one, e.g. --MotionServer:Network:Port=8080;",
        "environment variables MotionServer__Section__Key work too.",
    ];

    /// <summary>Parses the server's command line; null, with every problem, when it is wrong.</summary>
    public static HostArguments? Parse(IReadOnlyList<string> args, out IReadOnlyList<string> problems) =>
        From(HostCommandLine.Parse(args), out problems);

    /// <summary>The server's switches from a parsed command line (not one of the commands); null, with every problem, when it is wrong.</summary>
    public static HostArguments? From(ParseResult result, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(result);
        var found = CommandLineProblems.Of(result);
        var (settings, unknown) = ConfigurationSwitches.Split([.. result.GetResult(OtherTokens)?.Tokens.Select(t => t.Value) ?? []]);
        found.AddRange(unknown);
        problems = found;
        if (found.Count > 0)
        {
            return null;
        }

        return new HostArguments
        {
            EventDirectory = result.GetValue(EventDirectoryOption),
            SettingsFile = result.GetValue(SettingsOption),
            Demo = result.GetValue(DemoOption),
            DryRun = result.GetValue(DryRunOption),
            Version = result.GetValue(VersionOption),
            Help = HostCommandLine.IsHelp(result),
            ConfigurationArguments = settings,
        };
    }

    internal static void AddTo(RootCommand root)
    {
        root.Add(EventDirectoryOption);
        root.Add(SettingsOption);
        root.Add(DemoOption);
        root.Add(DryRunOption);
        root.Add(VersionOption);
        root.Add(OtherTokens);
    }
}
