using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Cli;

namespace MotionServer.Emulator;

/// <summary>
/// Command line of the emulated fleet: <c>dotnet run --project MotionServer.Emulator -- --devices 20 --port 8080
/// --hosts-file hosts.txt [--roster motions.csv] [--tracks 3] [--bandwidth 650000] [--seed 1]</c>. Runs until Ctrl+C.
/// Exit codes: 0 stopped, 1 the fleet could not start (port taken), 2 bad arguments.
/// </summary>
internal static class EmulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var arguments = EmulatorArguments.Parse(args);
        if (arguments.Help)
        {
            Console.Out.WriteLine(EmulatorArguments.Usage);
            return 0;
        }

        if (arguments.Errors.Count > 0)
        {
            foreach (string error in arguments.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync(EmulatorArguments.Usage).ConfigureAwait(false);
            return 2;
        }

        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopping.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            })
            .SetMinimumLevel(arguments.Verbose ? LogLevel.Debug : LogLevel.Information));
        try
        {
            await new EmulatorCommand(arguments, loggerFactory, Console.Out).RunAsync(stopping.Token).ConfigureAwait(false);
            return 0;
        }
        catch (SocketException e)
        {
            await Console.Error.WriteLineAsync($"error: the fleet could not start: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
