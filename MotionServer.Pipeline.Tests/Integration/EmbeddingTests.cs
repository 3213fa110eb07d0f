using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Integration;

/// <summary>The library as a tool author embeds it: the DI entry point, a roster in code, plain ILogger, no host.</summary>
public sealed class EmbeddingTests : IDisposable
{
    private readonly TemporaryFolder _first = new();
    private readonly TemporaryFolder _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private static ServiceProvider Embed(string eventDirectory, EmulatedFleet fleet)
    {
        Directory.CreateDirectory(Path.Combine(eventDirectory, "config"));
        fleet.WriteHostsFile(Path.Combine(eventDirectory, "config", "hosts"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MotionServer:EventDirectory"] = eventDirectory,
            ["MotionServer:Network:HostsFile"] = "config/hosts",
            ["MotionServer:Network:Port"] = fleet.Port.ToString(CultureInfo.InvariantCulture),
            ["MotionServer:Detection:Interval"] = "00:00:00.050",
            ["MotionServer:Dashboard:Interval"] = "00:00:00.200",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMotionServer(configuration).UseRoster(PipelineHarness.RosterFor(fleet));
        return services.BuildServiceProvider();
    }

    private static async Task WaitForCompletedAsync(IMotionPipeline pipeline, int deviceId)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pipeline.Fleet.StatusChanged += (_, change) =>
        {
            if (change.DeviceId == deviceId && change.Current == MotionStatus.Completed)
            {
                done.TrySetResult();
            }
        };
        if (pipeline.Fleet.GetMotion(deviceId)?.Status == MotionStatus.Completed)
        {
            return;
        }

        await done.Task.WaitAsync(PipelineHarness.DefaultTimeout);
    }

    [Fact]
    public async Task TwoPipelinesInOneProcess_ShareNothing_AndEachEmptiesItsOwnFleet()
    {
        await using var fleetA = await FleetBuilder.StartAsync([851], tracksPerDevice: 1);
        await using var fleetB = await FleetBuilder.StartAsync([852], tracksPerDevice: 2);
        await using var providerA = Embed(_first.Path, fleetA);
        await using var providerB = Embed(_second.Path, fleetB);
        var a = providerA.GetRequiredService<IMotionPipeline>();
        var b = providerB.GetRequiredService<IMotionPipeline>();

        await Task.WhenAll(a.StartAsync(CancellationToken.None), b.StartAsync(CancellationToken.None));
        await Task.WhenAll(WaitForCompletedAsync(a, 851), WaitForCompletedAsync(b, 852));
        await Task.WhenAll(a.StopAsync(CancellationToken.None), b.StopAsync(CancellationToken.None));

        a.Fleet.GetSnapshot().Motions.Select(m => m.Id).Should().Equal(851);
        b.Fleet.GetSnapshot().Motions.Select(m => m.Id).Should().Equal(852);
        a.Fleet.GetMotion(851)!.Tracks.Completed.Should().Be(1);
        b.Fleet.GetMotion(852)!.Tracks.Completed.Should().Be(2);
        Directory.GetFiles(Path.Combine(_first.Path, "gpslogs"), "*.oao", SearchOption.AllDirectories).Should().ContainSingle();
        Directory.GetFiles(Path.Combine(_second.Path, "gpslogs"), "*.oao", SearchOption.AllDirectories).Should().HaveCount(2);
        File.ReadAllText(Path.Combine(_first.Path, "dashboards", "status.json")).Should().Contain("\"stopped\"");
    }

    [Fact]
    public async Task BadSettings_FailTheStart_NamingEveryProblem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MotionServer:EventDirectory"] = _first.Path,
            ["MotionServer:Download:Workers"] = "0",
            ["MotionServer:Detection:Interval"] = "5s",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMotionServer(configuration);
        await using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IMotionPipeline>().StartAsync(CancellationToken.None);

        (await start.Should().ThrowAsync<StartupException>()).Which.Problems.Should().HaveCount(2)
            .And.Contain(p => p.Contains("MotionServer:Download:Workers", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("MotionServer:Detection:Interval", StringComparison.Ordinal));
        Directory.EnumerateFileSystemEntries(_first.Path).Should().BeEmpty("nothing is written before the settings are good");
    }

    [Fact]
    public async Task BadSettingsInCode_FailTheStart_WithTheSameWordsAsFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MotionServer:EventDirectory"] = _first.Path,
            ["MotionServer:Download:Workers"] = "0",
        }).Build();
        var fromConfiguration = new ServiceCollection().AddLogging();
        fromConfiguration.AddMotionServer(configuration);
        var inCode = new ServiceCollection().AddLogging();
        inCode.AddMotionServer(o =>
        {
            o.EventDirectory = _first.Path;
            o.Download.Workers = 0;
        });
        await using var configured = fromConfiguration.BuildServiceProvider();
        await using var coded = inCode.BuildServiceProvider();

        var expected = (await configured.GetRequiredService<IMotionPipeline>().Invoking(p => p.StartAsync(CancellationToken.None))
            .Should().ThrowAsync<StartupException>()).Which;
        var actual = (await coded.GetRequiredService<IMotionPipeline>().Invoking(p => p.StartAsync(CancellationToken.None))
            .Should().ThrowAsync<StartupException>()).Which;

        expected.Problems.Should().ContainSingle().Which.Should().Contain("MotionServer:Download:Workers");
        actual.Problems.Should().Equal(expected.Problems);
        actual.Message.Should().Be(expected.Message);
        Directory.EnumerateFileSystemEntries(_first.Path).Should().BeEmpty("nothing is written before the settings are good");
    }

    [Fact]
    public async Task AnEventFolderFileThatCannotBeRead_FailsTheStart_NamingItAndWhatToDo()
    {
        // Storage says so with an exception of its own; the embedder gets the StartupException every start problem is.
        // A dangling symbolic link fails to read as a file the server may not read would (the tests run as root).
        string history = Path.Combine(_first.Path, "motions", "history.json");
        Directory.CreateDirectory(Path.GetDirectoryName(history)!);
        File.CreateSymbolicLink(history, Path.Combine(_second.Path, "nowhere", "history.json"));
        var services = new ServiceCollection().AddLogging();
        services.AddMotionServer(o => o.EventDirectory = _first.Path).UseRoster(MotionServer.Pipeline.Roster.MotionRoster.Empty);
        await using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IMotionPipeline>().StartAsync(CancellationToken.None);

        var refused = (await start.Should().ThrowAsync<StartupException>()).Which;
        refused.Problems.Should().ContainSingle().Which.Should().Contain(history).And.Contain("give the server read and write access to it");
        refused.InnerException.Should().BeAssignableTo<IOException>("the cause is the read that failed");
    }
}
