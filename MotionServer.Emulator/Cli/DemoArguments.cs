using System.CommandLine;

namespace MotionServer.Emulator.Cli;

/// <summary>
/// <c>demo</c>: the server's demo fleet (<see cref="Demo.DemoFleet"/>) for <c>MotionServer.Host --demo</c>, which starts
/// this program beside itself: it writes the hosts file and the roster, prints one <c>ready</c> line, and runs until its
/// standard input closes (the server stopped, or died) or SIGTERM.
/// </summary>
internal sealed record DemoArguments
{
    private static readonly Option<string> HostsFileOption = Required(EmulatorArguments.FileName("--hosts-file", "hosts-format file to write, for Network:HostsFile"));
    private static readonly Option<string> RosterOption = Required(EmulatorArguments.FileName("--roster", "roster to write (config/motions.csv)"));

    /// <summary>The <c>demo</c> command of <see cref="EmulatorCommandLine"/>.</summary>
    public static Command Command { get; } = new("demo", "the server's demo fleet: about twelve devices arriving and leaving over a few minutes; runs until standard input closes")
    {
        HostsFileOption, RosterOption,
    };

    public required string HostsFile { get; init; }

    public required string Roster { get; init; }

    /// <summary>The demo's arguments from a parsed command line; null, with every problem, when they are wrong.</summary>
    public static DemoArguments? From(ParseResult result, out IReadOnlyList<string> problems)
    {
        problems = EmulatorCommandLine.Problems(result);
        return problems.Count > 0 ? null : new DemoArguments
        {
            HostsFile = result.GetRequiredValue(HostsFileOption),
            Roster = result.GetRequiredValue(RosterOption),
        };
    }

    private static Option<string> Required(Option<string> option)
    {
        option.Required = true;
        return option;
    }
}
