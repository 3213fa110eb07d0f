namespace MotionServer.Host.Verify;

/// <summary>The switches of <c>MotionServer.Host verify</c>: an event folder, track files, or both.</summary>
internal sealed record VerifyArguments
{
    public const string Usage = """
        Usage: MotionServer.Host verify --event-dir DIR
               MotionServer.Host verify FILE.oao [FILE.oao ...]

          --event-dir DIR   verify every track under DIR/gpslogs/ against the device ledgers
                            (motions/motion-<id>/downloads.json), and list ledger entries
                            "completed" whose file is missing
          FILE              verify these track files (with their ledger entries when they
                            lie in an event folder's gpslogs/)
          --notes           also print what was compared only loosely or not flagged
                            (rules the format notes list as unknown)

        Exit code: 0 when every track is valid, 1 when any is damaged or missing, 2 on bad input.
        """;

    public string? EventDirectory { get; init; }

    public IReadOnlyList<string> Files { get; init; } = [];

    public bool Help { get; init; }

    public bool Notes { get; init; }

    /// <summary>Parses the arguments after <c>verify</c>; returns null and a message when they are wrong.</summary>
    public static VerifyArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        string? eventDirectory = null;
        var files = new List<string>();
        bool help = false, notes = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg.StartsWith("--event-dir=", StringComparison.Ordinal))
            {
                eventDirectory = arg["--event-dir=".Length..];
            }
            else if (arg == "--event-dir")
            {
                if (i + 1 >= args.Count)
                {
                    error = "--event-dir needs a value";
                    return null;
                }

                eventDirectory = args[++i];
            }
            else if (arg == "--notes")
            {
                notes = true;
            }
            else if (arg is "--help" or "-h" or "-?")
            {
                help = true;
            }
            else if (arg.StartsWith('-'))
            {
                error = $"unknown option '{arg}'";
                return null;
            }
            else
            {
                files.Add(arg);
            }
        }

        if (eventDirectory is { Length: 0 })
        {
            error = "--event-dir needs a value";
            return null;
        }

        if (!help && eventDirectory is null && files.Count == 0)
        {
            error = "nothing to verify: give --event-dir DIR or track files";
            return null;
        }

        return new VerifyArguments { EventDirectory = eventDirectory, Files = files, Help = help, Notes = notes };
    }
}
