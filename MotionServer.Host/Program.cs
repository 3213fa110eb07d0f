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
        if (args.Length > 0 && args[0] == Verify.VerifyCommand.Name)
        {
            return Verify.VerifyCommand.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && args[0] == Results.ResultsCommand.Name)
        {
            return Results.ResultsCommand.Run(args[1..], Console.Out, Console.Error);
        }

        var arguments = HostArguments.Parse(args, out string? error);
        if (arguments is null)
        {
            await Console.Error.WriteLineAsync($"MotionServer.Host: {error}{Environment.NewLine}{HostArguments.Usage}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        if (arguments.Help)
        {
            Console.WriteLine(HostArguments.Usage);
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
