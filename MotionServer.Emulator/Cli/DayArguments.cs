using System.CommandLine;

namespace MotionServer.Emulator.Cli;

/// <summary>
/// <c>day</c>: a compressed event day (<see cref="Fleet.CompressedDay"/>) for measuring a server over one: the devices
/// start away, come in waves and leave once served. It writes the hosts file and the roster, prints one <c>ready</c>
/// line, a line per wave, and a last <c>day:</c> line, then ends.
/// </summary>
internal sealed record DayArguments
{
    private static readonly Option<int> DevicesOption = EmulatorArguments.Number("--devices", "N", 1, 1000, 130, "devices in the fleet, the roster (default 130)");
    private static readonly Option<int> WavesOption = EmulatorArguments.Number("--waves", "W", 1, 1000, 6, "waves of riders coming in (default 6)");
    private static readonly Option<int> JoinsOption = EmulatorArguments.Number("--joins", "J", 1, 1000, 113, "devices joining in each wave, at most --devices (default 113)");
    private static readonly Option<int> SpreadOption = EmulatorArguments.Number("--spread", "SECONDS", 0, 3600, 40, "a wave's joins fall over this many seconds (default 40)");
    private static readonly Option<int> PortOption = EmulatorArguments.Number("--port", "P", 0, 65535, 0, "port of every device (default: a free port)");
    private static readonly Option<string> HostsFileOption = Required(EmulatorArguments.FileName("--hosts-file", "hosts-format file to write, for Network:HostsFile"));
    private static readonly Option<string> RosterOption = Required(EmulatorArguments.FileName("--roster", "roster to write (config/motions.csv)"));
    private static readonly Option<int> SessionOption = EmulatorArguments.Number("--session", "MINUTES", 0, 600, 10, "length of the session whose log each visit brings (default 10)");
    private static readonly Option<int> BandwidthOption = EmulatorArguments.Number("--bandwidth", "B", 0, int.MaxValue, 680_000, "median pace of a device, bytes per second (default 680000; 0: unlimited)");
    private static readonly Option<int> SeedOption = EmulatorArguments.Number("--seed", "S", int.MinValue, int.MaxValue, 677, "makes the fleet and the day reproducible (default 677)");

    /// <summary>The <c>day</c> command of <see cref="EmulatorCommandLine"/>.</summary>
    public static Command Command { get; } = CreateCommand();

    public int Devices { get; init; } = 130;

    public int Waves { get; init; } = 6;

    public int JoinsPerWave { get; init; } = 113;

    public TimeSpan Spread { get; init; } = TimeSpan.FromSeconds(40);

    public int Port { get; init; }

    public required string HostsFile { get; init; }

    public required string Roster { get; init; }

    /// <summary>The length of the session whose log each visit brings.</summary>
    public TimeSpan SessionLength { get; init; } = TimeSpan.FromMinutes(10);

    public long Bandwidth { get; init; } = 680_000;

    public int Seed { get; init; } = 677;

    /// <summary>The day's arguments from a parsed command line; null, with every problem, when they are wrong.</summary>
    public static DayArguments? From(ParseResult result, out IReadOnlyList<string> problems)
    {
        problems = EmulatorCommandLine.Problems(result);
        if (problems.Count > 0)
        {
            return null;
        }

        int devices = result.GetValue(DevicesOption);
        int joins = result.GetValue(JoinsOption);
        if (joins > devices)
        {
            // Checked here, not by a validator of the command: the parser runs those before it fills in the defaults.
            problems = [$"--joins {joins} is more than --devices {devices}"];
            return null;
        }

        return new DayArguments
        {
            Devices = devices,
            Waves = result.GetValue(WavesOption),
            JoinsPerWave = joins,
            Spread = TimeSpan.FromSeconds(result.GetValue(SpreadOption)),
            Port = result.GetValue(PortOption),
            HostsFile = result.GetRequiredValue(HostsFileOption),
            Roster = result.GetRequiredValue(RosterOption),
            SessionLength = TimeSpan.FromMinutes(result.GetValue(SessionOption)),
            Bandwidth = result.GetValue(BandwidthOption),
            Seed = result.GetValue(SeedOption),
        };
    }

    private static Command CreateCommand() =>
        new("day", "a compressed event day: the devices start away, come in waves, leave once served; ends after the last wave")
        {
            DevicesOption, WavesOption, JoinsOption, SpreadOption, PortOption, HostsFileOption, RosterOption, SessionOption, BandwidthOption, SeedOption,
        };

    private static Option<string> Required(Option<string> option)
    {
        option.Required = true;
        return option;
    }
}
