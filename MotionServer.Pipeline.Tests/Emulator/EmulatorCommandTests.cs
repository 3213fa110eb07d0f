using MotionServer.Emulator.Cli;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Roster;

namespace MotionServer.Pipeline.Tests.Emulator;

public sealed class EmulatorCommandTests
{
    [Fact]
    public void Parse_EveryOption_ReadsIt()
    {
        var arguments = EmulatorArguments.Parse(["--devices", "7", "--port=8080", "--hosts-file", "h.txt", "--roster", "m.csv",
            "--tracks", "2", "--bandwidth", "650000", "--seed", "3", "--first-id", "100", "--verbose"]);

        arguments.Errors.Should().BeEmpty();
        arguments.Should().BeEquivalentTo(new EmulatorArguments
        {
            Devices = 7, Port = 8080, HostsFile = "h.txt", Roster = "m.csv", Tracks = 2, Bandwidth = 650_000, Seed = 3, FirstId = 100, Verbose = true,
        });
    }

    [Fact]
    public void Parse_NoArguments_UsesTheDefaults()
    {
        var arguments = EmulatorArguments.Parse([]);

        arguments.Should().BeEquivalentTo(new { Devices = 20, Port = 0, HostsFile = "hosts.txt", Roster = (string?)null, Tracks = 3, Bandwidth = 680_000L, Seed = 1 });
    }

    [Fact]
    public void Parse_BadValues_GathersEveryError()
    {
        var arguments = EmulatorArguments.Parse(["--devices", "0", "--port", "http", "--fast", "--roster"]);

        arguments.Errors.Should().Equal(
            "--devices \"0\" is not a whole number from 1 to 1000",
            "--port \"http\" is not a whole number from 0 to 65535",
            "unknown argument \"--fast\"",
            "--roster needs a file name");
    }

    [Fact]
    public async Task RunAsync_SmallFleet_WritesHostsFileAndRosterAndStopsOnCancel()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"emulator-cli-{Guid.NewGuid():N}");
        var arguments = new EmulatorArguments
        {
            Devices = 3, Tracks = 1, HostsFile = Path.Combine(folder, "hosts.txt"), Roster = Path.Combine(folder, "motions.csv"),
        };
        using var output = new StringWriter();
        using var stopping = new CancellationTokenSource();
        var started = new TaskCompletionSource<EmulatedFleet>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var run = new EmulatorCommand(arguments, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, output)
                .RunAsync(stopping.Token, fleet => started.TrySetResult(fleet));
            var fleet = await started.Task.WaitAsync(Signal.Timeout);

            (await File.ReadAllLinesAsync(arguments.HostsFile)).Should().HaveCount(3);
            RosterCsvReader.ReadFile(arguments.Roster).DeviceIds.Should().BeEquivalentTo(fleet.Devices.Select(d => d.Id));
            fleet.Online.Should().HaveCount(3);
            output.ToString().Should().Contain($"Network:Port={fleet.Port}");
            await stopping.CancelAsync();
            await run.WaitAsync(Signal.Timeout);
            fleet.Online.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Parse_Demo_NeedsBothFiles()
    {
        var commandLine = EmulatorCommandLine.Parse(["demo", "--hosts-file", "h.txt"]);

        DemoArguments.From(commandLine, out var problems).Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Contain("--roster");
        DemoArguments.From(EmulatorCommandLine.Parse(["demo", "--hosts-file", "h.txt", "--roster", "m.csv"]), out _)
            .Should().BeEquivalentTo(new { HostsFile = "h.txt", Roster = "m.csv" });
    }

    [Fact]
    public async Task Demo_RunAsync_WritesTheFilesSaysReadyAndStopsOnCancel()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"emulator-demo-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var arguments = new DemoArguments { HostsFile = Path.Combine(folder, "hosts"), Roster = Path.Combine(folder, "motions.csv") };
        var output = new ReadyWriter();
        using var stopping = new CancellationTokenSource();
        try
        {
            var run = new DemoCommand(arguments, output).RunAsync(stopping.Token);
            string ready = await output.Ready.Task.WaitAsync(Signal.Timeout);

            ready.Should().MatchRegex(@"^ready port=\d+ devices=12 first=127\.0\.0\.2 last=127\.0\.0\.13$");
            (await File.ReadAllLinesAsync(arguments.HostsFile)).Should().HaveCount(12);
            RosterCsvReader.ReadFile(arguments.Roster).DeviceIds.Should().Contain(801).And.Contain(812);
            await stopping.CancelAsync();
            await run.WaitAsync(Signal.Timeout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Completes with the first line written.</summary>
    private sealed class ReadyWriter : StringWriter
    {
        public TaskCompletionSource<string> Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Task WriteLineAsync(string? value)
        {
            Ready.TrySetResult(value ?? "");
            return base.WriteLineAsync(value);
        }
    }
}
