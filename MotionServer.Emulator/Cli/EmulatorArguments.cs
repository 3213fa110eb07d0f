using System.Globalization;

namespace MotionServer.Emulator.Cli;

/// <summary>The command line of the emulator, parsed; every problem is gathered.</summary>
internal sealed record EmulatorArguments
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Usage: dotnet run --project MotionServer.Emulator -- [options]

          --devices N          devices in the fleet (default 20, at most 1000)
          --port P             port of every device (default: a free port)
          --hosts-file FILE    hosts-format file to write (default hosts.txt), for Network:HostsFile
          --roster FILE        roster to write (motions.csv), optional
          --tracks K           logs of today per device (default 3)
          --bandwidth B        median pace of a device, bytes per second (default 680000; 0: unlimited)
          --seed S             makes the fleet reproducible (default 1)
          --first-id ID        id of the first device (default 801)
          --damaged N          the newest log of the first N devices is damaged (a flipped byte, a cut
                               mid-frame, a bad header checksum, unknown bytes, in turn; default 0)
          --glitched N         one log of today of the last N devices holds a GPS glitch: a second at
                               62 knots with 4 satellites, HDOP 99.99 and sAcc 5 m/s, counted in the
                               header's bests as a device counts it (default 0)
          --verbose            log every request
          --help               this text

        Devices listen on 127.0.0.2, 127.0.0.3 ... (loopback only) until Ctrl+C.
        """;

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
        var result = new EmulatorArguments();
        var errors = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = equals > 0 ? arg[..equals] : arg;
            string? inline = equals > 0 ? arg[(equals + 1)..] : null;
            string? Value() => inline ?? (i + 1 < args.Count ? args[++i] : null);
            result = name switch
            {
                "--help" or "-h" or "-?" => result with { Help = true },
                "--verbose" => result with { Verbose = true },
                "--devices" => result with { Devices = Number(name, Value(), 1, 1000, errors, result.Devices) },
                "--port" => result with { Port = Number(name, Value(), 0, 65535, errors, result.Port) },
                "--tracks" => result with { Tracks = Number(name, Value(), 0, 200, errors, result.Tracks) },
                "--seed" => result with { Seed = Number(name, Value(), int.MinValue, int.MaxValue, errors, result.Seed) },
                "--damaged" => result with { Damaged = Number(name, Value(), 0, 1000, errors, result.Damaged) },
                "--glitched" => result with { Glitched = Number(name, Value(), 0, 1000, errors, result.Glitched) },
                "--first-id" => result with { FirstId = Number(name, Value(), 1, 999_999, errors, result.FirstId) },
                "--bandwidth" => result with { Bandwidth = Number(name, Value(), 0, int.MaxValue, errors, (int)result.Bandwidth) },
                "--hosts-file" => result with { HostsFile = Text(name, Value(), errors) ?? result.HostsFile },
                "--roster" => result with { Roster = Text(name, Value(), errors) },
                _ => Unknown(result, arg, errors),
            };
        }

        return result with { Errors = errors };
    }

    private static EmulatorArguments Unknown(EmulatorArguments result, string arg, List<string> errors)
    {
        errors.Add($"unknown argument \"{arg}\"");
        return result;
    }

    private static int Number(string name, string? value, int min, int max, List<string> errors, int fallback)
    {
        if (value is null)
        {
            errors.Add($"{name} needs a value");
        }
        else if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number) || number < min || number > max)
        {
            errors.Add($"{name} \"{value}\" is not a whole number from {min} to {max}");
        }
        else
        {
            return number;
        }

        return fallback;
    }

    private static string? Text(string name, string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{name} needs a file name");
            return null;
        }

        return value;
    }
}
