using System.CommandLine;
using MotionServer.Host.CommandLine;
using MotionServer.Pipeline.Logging;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Host.Verify;

/// <summary>
/// <c>MotionServer.Host verify</c>: checks tracks already on disk with the same verifier the server runs after every
/// download, compares them with the device's figures the ledgers recorded, and prints a table. Exit code 0 when every
/// track is valid, 1 when any is damaged or missing (or a ledger cannot be read), 2 on bad input. Files are verified
/// in parallel: a week's folder takes seconds.
/// </summary>
internal static class VerifyCommand
{
    public const string Name = "verify";

    /// <summary>Runs <c>verify</c> with the arguments that follow the command's name.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        Run(HostCommandLine.Parse([Name, .. args]), output, error);

    /// <summary>Runs <c>verify</c> from the program's parsed command line.</summary>
    public static int Run(ParseResult commandLine, TextWriter output, TextWriter error)
    {
        var arguments = VerifyArguments.From(commandLine, out var mistakes);
        if (arguments is null)
        {
            foreach (string mistake in mistakes)
            {
                error.WriteLine($"MotionServer.Host verify: {mistake}");
            }

            error.WriteLine(HostCommandLine.Help(VerifyArguments.Command));
            return ExitCodes.BadInput;
        }

        if (arguments.Help)
        {
            output.WriteLine(HostCommandLine.Help(VerifyArguments.Command));
            return ExitCodes.Success;
        }

        var problems = new List<string>();
        var targets = Targets(arguments, problems, out string? badInput);
        if (badInput is not null)
        {
            error.WriteLine($"MotionServer.Host verify: {badInput}");
            return ExitCodes.BadInput;
        }

        var rows = new VerifyRow[targets.Count];
        Parallel.For(0, targets.Count, i => rows[i] = Verify(targets[i]));
        VerifyTable.Write(output, rows, arguments.Notes);
        foreach (string p in problems)
        {
            output.WriteLine($"problem: {LogText.Escape(p)}");
        }

        return rows.All(r => r.Passed) && problems.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static List<VerifyTarget> Targets(VerifyArguments arguments, List<string> problems, out string? badInput)
    {
        badInput = null;
        var targets = new List<VerifyTarget>();
        if (arguments.EventDirectory is { } directory)
        {
            if (!Directory.Exists(directory))
            {
                badInput = $"the event folder {directory} does not exist";
                return targets;
            }

            targets.AddRange(EventFolderTracks.Collect(new EventFolder(directory), problems));
        }

        foreach (string file in arguments.Files)
        {
            if (!File.Exists(file))
            {
                badInput = $"no such file: {file}";
                return targets;
            }

            targets.Add(EventFolderTracks.ForFile(file, problems));
        }

        return targets;
    }

    private static VerifyRow Verify(VerifyTarget target) =>
        target.Missing
            ? new VerifyRow(target, null)
            : new VerifyRow(target, TrackVerifier.VerifyFile(target.Path, target.Entry is { } entry ? entry.Figures : null));
}
