using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MotionServer.Emulator.Cli;

namespace MotionServer.Emulator;

/// <summary>
/// Command line of the emulated fleet: <c>dotnet run --project MotionServer.Emulator -- --devices 20 --port 8080
/// --hosts-file hosts.txt [--roster motions.csv] [--tracks 3] [--bandwidth 650000] [--seed 1]</c>, runs until Ctrl+C;
/// or <c>demo --hosts-file FILE --roster FILE</c>, the server's <c>--demo</c> fleet, runs until its standard input closes;
/// or <c>day --hosts-file FILE --roster FILE</c>, a compressed event day, ends after its last wave.
/// Exit codes: 0 stopped (a day: every visit served), 1 the fleet could not start (port taken), 2 bad arguments, 3 a day
/// in which some visits were not served.
/// </summary>
internal static class EmulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var commandLine = EmulatorCommandLine.Parse(args);
        bool demo = commandLine.CommandResult.Command == DemoArguments.Command;
        if (EmulatorCommandLine.IsHelp(commandLine))
        {
            Console.Out.WriteLine(EmulatorCommandLine.Help(commandLine.CommandResult.Command));
            return 0;
        }

        var problems = EmulatorCommandLine.Problems(commandLine);
        DayArguments? day = null;
        if (problems.Count == 0 && commandLine.CommandResult.Command == DayArguments.Command)
        {
            day = DayArguments.From(commandLine, out var dayProblems);
            problems = [.. dayProblems];
        }

        if (problems.Count > 0)
        {
            foreach (string problem in problems)
            {
                await Console.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync(EmulatorCommandLine.Help(commandLine.CommandResult.Command)).ConfigureAwait(false);
            return 2;
        }

        using var stopping = new CancellationTokenSource();
        using var signals = StopSignals(stopping, demo);
        try
        {
            if (day is not null)
            {
                var tally = await new DayCommand(day, Console.Out, TimeProvider.System).RunAsync(stopping.Token).ConfigureAwait(false);
                return tally.NotServed == 0 ? 0 : 3;
            }

            if (demo)
            {
                await new DemoCommand(DemoArguments.From(commandLine, out _)!, Console.Out).RunAsync(stopping.Token).ConfigureAwait(false);
                return 0;
            }

            return await RunFleetAsync(EmulatorArguments.From(commandLine), stopping.Token).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            await Console.Error.WriteLineAsync($"error: the fleet could not start: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> RunFleetAsync(EmulatorArguments arguments, CancellationToken stopping)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            })
            .SetMinimumLevel(arguments.Verbose ? LogLevel.Debug : LogLevel.Information));
        await new EmulatorCommand(arguments, loggerFactory, Console.Out).RunAsync(stopping).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Ctrl+C and SIGTERM stop the fleet, and the demo when run by hand. The demo started by the server (its standard
    /// input a pipe) leaves both to the server, which stops it by closing that pipe once it has stopped itself: the devices
    /// stay until the server no longer downloads from them, even when a terminal or a service manager signals both.
    /// </summary>
    private static PosixSignalRegistration StopSignals(CancellationTokenSource stopping, bool demo)
    {
        bool fromServer = demo && Console.IsInputRedirected;
        if (fromServer)
        {
            _ = StopWhenInputClosesAsync(stopping);
        }

        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            if (!fromServer)
            {
                stopping.Cancel();
            }
        };
        return PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            if (!fromServer)
            {
                stopping.Cancel();
            }
        });
    }

    private static async Task StopWhenInputClosesAsync(CancellationTokenSource stopping)
    {
        using var input = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (await input.ReadAsync(buffer).ConfigureAwait(false) > 0)
        {
            // the server writes nothing: only the end of the stream matters
        }

        await stopping.CancelAsync().ConfigureAwait(false);
    }
}
