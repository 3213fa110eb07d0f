using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MotionServer.Emulator.Cli;

/// <summary>The command line of the emulator's fleet, parsed with <see cref="EmulatorCommandLine"/>; every problem is gathered.</summary>
internal sealed record EmulatorArguments
{
    private static readonly Option<int> DevicesOption = Number("--devices", "N", 1, 1000, 20, "devices in the fleet (default 20, at most 1000)");
    private static readonly Option<int> PortOption = Number("--port", "P", 0, 65535, 0, "port of every device (default: a free port)");
    private static readonly Option<string> HostsFileOption = FileName("--hosts-file", "hosts-format file to write (default hosts.txt), for Network:HostsFile");
    private static readonly Option<string> RosterOption = FileName("--roster", "roster to write (motions.csv), optional");
    private static readonly Option<int> TracksOption = Number("--tracks", "K", 0, 200, 3, "logs of today per device (default 3)");
    private static readonly Option<int> BandwidthOption = Number("--bandwidth", "B", 0, int.MaxValue, 680_000, "median pace of a device, bytes per second (default 680000; 0: unlimited)");
    private static readonly Option<int> SeedOption = Number("--seed", "S", int.MinValue, int.MaxValue, 1, "makes the fleet reproducible (default 1)");
    private static readonly Option<int> FirstIdOption = Number("--first-id", "ID", 1, 999_999, 801, "id of the first device (default 801)");
    private static readonly Option<int> DamagedOption = Number("--damaged", "N", 0, 1000, 0,
        "the newest log of the first N devices is damaged (a flipped byte, a cut mid-frame, a bad header checksum, unknown bytes, in turn; default 0)");
    private static readonly Option<int> GlitchedOption = Number("--glitched", "N", 0, 1000, 0,
        "one log of today of the last N devices holds a GPS glitch: a second at 62 knots with 4 satellites, HDOP 99.99 and sAcc 5 m/s, "
        + "counted in the header's bests as a device counts it (default 0)");
    private static readonly Option<bool> VerboseOption = new("--verbose") { Description = "log every request" };

    /// <summary>The fleet's options, for the root command.</summary>
    internal static IReadOnlyList<Option> Options { get; } =
        [DevicesOption, PortOption, HostsFileOption, RosterOption, TracksOption, BandwidthOption, SeedOption, FirstIdOption, DamagedOption, GlitchedOption, VerboseOption];

    /// <summary>The usage text.</summary>
    public static string Usage => EmulatorCommandLine.Help();

    /// <summary>Devices in the fleet.</summary>
    public int Devices { get; init; } = 20;

    /// <summary>The port; 0: a free one.</summary>
    public int Port { get; init; }

    /// <summary>The hosts file to write.</summary>
    public string HostsFile { get; init; } = "hosts.txt";

    /// <summary>The roster to write, if any.</summary>
    public string? Roster { get; init; }

    /// <summary>Logs of today per device.</summary>
    public int Tracks { get; init; } = 3;

    /// <summary>Median pace, bytes per second.</summary>
    public long Bandwidth { get; init; } = 680_000;

    /// <summary>Seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>First device id.</summary>
    public int FirstId { get; init; } = 801;

    /// <summary>Devices whose newest log is damaged.</summary>
    public int Damaged { get; init; }

    /// <summary>Devices (the last ones) with a glitch in one of today's logs.</summary>
    public int Glitched { get; init; }

    /// <summary>Log every request.</summary>
    public bool Verbose { get; init; }

    /// <summary>Show the usage and stop.</summary>
    public bool Help { get; init; }

    /// <summary>What is wrong with the command line (empty: nothing).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Parses <c>--name value</c> and <c>--name=value</c> switches.</summary>
    public static EmulatorArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return From(EmulatorCommandLine.Parse(args));
    }

    /// <summary>The fleet's arguments from a parsed command line, with every problem.</summary>
    internal static EmulatorArguments From(ParseResult result)
    {
        var errors = EmulatorCommandLine.Problems(result);
        if (errors.Count > 0)
        {
            return new EmulatorArguments { Errors = errors, Help = EmulatorCommandLine.IsHelp(result) };
        }

        return new EmulatorArguments
        {
            Devices = result.GetValue(DevicesOption),
            Port = result.GetValue(PortOption),
            HostsFile = result.GetValue(HostsFileOption) ?? "hosts.txt",
            Roster = result.GetValue(RosterOption),
            Tracks = result.GetValue(TracksOption),
            Bandwidth = result.GetValue(BandwidthOption),
            Seed = result.GetValue(SeedOption),
            FirstId = result.GetValue(FirstIdOption),
            Damaged = result.GetValue(DamagedOption),
            Glitched = result.GetValue(GlitchedOption),
            Verbose = result.GetValue(VerboseOption),
            Help = EmulatorCommandLine.IsHelp(result),
        };
    }

    /// <summary>A whole-number option within [min, max], with its default.</summary>
    internal static Option<int> Number(string name, string valueName, int min, int max, int fallback, string description) => new(name)
    {
        HelpName = valueName,
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ParseNumber(result, name, min, max, fallback),
    };

    private static int ParseNumber(ArgumentResult result, string name, int min, int max, int fallback)
    {
        string? value = result.Tokens is [{ Value: var text }] ? text : null;
        if (value is null)
        {
            result.AddError(EmulatorCommandLine.NeedsValue(name));
        }
        else if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number) || number < min || number > max)
        {
            result.AddError($"{name} \"{value}\" is not a whole number from {min} to {max}");
        }
        else
        {
            return number;
        }

        return fallback;
    }

    /// <summary>An option naming a file to write.</summary>
    internal static Option<string> FileName(string name, string description)
    {
        var option = new Option<string>(name) { HelpName = "FILE", Description = description };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && string.IsNullOrWhiteSpace(value))
            {
                result.AddError($"{name} needs a file name");
            }
        });
        return option;
    }
}
