using System.CommandLine;
using MotionServer.Host.CommandLine;
using MotionServer.Host.Service;
using MotionServer.Pipeline.Versioning;

namespace MotionServer.Host;

/// <summary>The Motion Server executable: the command line in, an exit code out (docs/running.md).</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int exitCode = await RunAsync(args).ConfigureAwait(false);

        // A Windows service reports Environment.ExitCode to the Service Control Manager, not Main's return value.
        Environment.ExitCode = exitCode;
        return exitCode;
    }

    private static async Task<int> RunAsync(string[] args)
    {
        var commandLine = HostCommandLine.Parse(args);
        if (commandLine.CommandResult.Command == Verify.VerifyArguments.Command)
        {
            return Verify.VerifyCommand.Run(commandLine, Console.Out, Console.Error);
        }

        if (commandLine.CommandResult.Command == Results.ResultsArguments.Command)
        {
            return Results.ResultsCommand.Run(commandLine, Console.Out, Console.Error);
        }

        return await RunServerAsync(commandLine).ConfigureAwait(false);
    }

    private static async Task<int> RunServerAsync(ParseResult commandLine)
    {
        var arguments = HostArguments.From(commandLine, out var problems);
        if (arguments is null)
        {
            foreach (string mistake in problems)
            {
                await Console.Error.WriteLineAsync($"MotionServer.Host: {mistake}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync(HostCommandLine.Help(HostCommandLine.Root)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        if (arguments.Help)
        {
            Console.WriteLine(HostCommandLine.Help(HostCommandLine.Root));
            return ExitCodes.Success;
        }

        if (arguments.Version)
        {
            var version = ProductVersion.Current;
            Console.WriteLine($"Motion Server {version.Text}");
            Console.WriteLine(version.Commit is null ? "commit unknown (built without git)" : $"commit {version.Commit}");
            return ExitCodes.Success;
        }

        if (ServiceMode.Check(arguments, ServiceMode.IsRunningAsService()) is { } problem)
        {
            await Console.Error.WriteLineAsync($"MotionServer.Host: cannot start - {problem}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        return await ServerRunner.RunAsync(arguments).ConfigureAwait(false);
    }
}
