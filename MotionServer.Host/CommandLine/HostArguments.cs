namespace MotionServer.Host.CommandLine;

/// <summary>
/// The host's own switches, parsed before configuration sees the command line (the configuration provider
/// silently drops a value-less switch such as <c>--demo</c>). Everything of the form
/// <c>--MotionServer:Section:Key=value</c> is left for configuration.
/// </summary>
internal sealed record HostArguments
{
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

    public const string Usage = """
        Usage: MotionServer.Host [--event-dir DIR] [--settings FILE] [--demo] [--dry-run] [--MotionServer:Section:Key=value ...]
               MotionServer.Host --version
               MotionServer.Host verify --event-dir DIR | FILE.oao ...   (check tracks on disk; verify --help)
               MotionServer.Host results [--json] FILE.oao ...           (results by the rules; results --help)
               MotionServer.Host results --event-dir DIR [--date yyyyMMdd]   (rebuild the day's results files)

          --event-dir DIR   the event's folder (default: the current directory; required when running as a service)
          --settings FILE   an extra JSON settings file layered over appsettings.json
          --demo            run against an emulated fleet of Motion devices on loopback
          --dry-run         find devices and log what would be downloaded and what skipped; write nothing but the log
          --version         show the version and commit of this build
          --help            show this help

        Settings can also come from environment variables (MotionServer__Section__Key).
        """;

    /// <summary>Parses the command line; returns null and a message when it is wrong.</summary>
    public static HostArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        string? eventDirectory = null, settings = null;
        bool demo = false, help = false, version = false, dryRun = false;
        var rest = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            var (name, inlineValue) = Split(arg);
            switch (name)
            {
                case "--event-dir":
                    if (!TryValue(args, ref i, inlineValue, name, out eventDirectory, out error)) return null;
                    break;
                case "--settings":
                    if (!TryValue(args, ref i, inlineValue, name, out settings, out error)) return null;
                    break;
                case "--demo":
                    demo = true;
                    break;
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                case "--version":
                    version = true;
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                default:
                    if (arg.StartsWith("--MotionServer:", StringComparison.OrdinalIgnoreCase) || arg.StartsWith("/MotionServer:", StringComparison.OrdinalIgnoreCase))
                    {
                        rest.Add(arg);
                        if (inlineValue is null && i + 1 < args.Count)
                        {
                            rest.Add(args[++i]); // "--MotionServer:Key value" form
                        }
                    }
                    else
                    {
                        error = $"unknown option '{arg}'";
                        return null;
                    }

                    break;
            }
        }

        return new HostArguments { EventDirectory = eventDirectory, SettingsFile = settings, Demo = demo, Help = help, Version = version, DryRun = dryRun, ConfigurationArguments = rest };
    }

    private static (string Name, string? Value) Split(string arg)
    {
        int equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static bool TryValue(IReadOnlyList<string> args, ref int i, string? inlineValue, string name, out string? value, out string? error)
    {
        error = null;
        value = inlineValue;
        if (value is null)
        {
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name} needs a value";
                return false;
            }

            value = args[++i];
        }

        if (value.Length == 0)
        {
            error = $"{name} needs a value";
            return false;
        }

        return true;
    }
}
