using MotionServer.Host.CommandLine;

namespace MotionServer.Host;

/// <summary>The Motion Server executable: the command line in, an exit code out (CONTRACT.md, "Running it").</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == Verify.VerifyCommand.Name)
        {
            return Verify.VerifyCommand.Run(args[1..], Console.Out, Console.Error);
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

        return await ServerRunner.RunAsync(arguments).ConfigureAwait(false);
    }
}
