using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Roster;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.DependencyInjection;

/// <summary>What an embedder gets from AddMotionServer: the platform's options, validated, and parts it may replace.</summary>
public sealed class MotionServerServiceCollectionExtensionsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // The hosts files only: a roster device no hosts file names (817 below) is not asked of the machine's name server.
    private IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            values.Append(("MotionServer:EventDirectory", _folder.Path)).Append(("MotionServer:Detection:NameLookup", "hosts"))
                .Select(v => new KeyValuePair<string, string?>(v.Item1, v.Item2))).Build();

    [Fact]
    public async Task Options_AreTheConfiguredSettings_ChangedByTheEmbeddersOwnConfigure()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMotionServer(Settings(("MotionServer:Network:Port", "8080"), ("MotionServer:Download:Workers", "3")));
        services.Configure<MotionServerOptions>(o => o.Download.Workers = 2);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MotionServerOptions>>().Value;

        options.Network.Port.Should().Be(8080);
        options.Download.Workers.Should().Be(2);
        options.EventDirectory.Should().Be(_folder.Path);
    }

    [Fact]
    public async Task Options_OutOfRange_AreRefused_InTheSettingsWords()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMotionServer(Settings(("MotionServer:Download:Workers", "0"), ("MotionServer:Detection:Intervall", "00:00:05")));
        await using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<MotionServerOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(
            "MotionServer:Detection:Intervall: unknown setting; known settings here are ArrivalInterval, ArrivalWindow, ConnectTimeout, Interval, Lookups, LookupsPerSecond, NameLookup, Workers",
            "MotionServer:Download:Workers = \"0\": must be between 1 and 64");
    }

    [Fact]
    public async Task ABadSettingMadeByTheEmbeddersConfigure_FailsThePipelinesStart()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMotionServer(Settings());
        services.Configure<MotionServerOptions>(o => o.Retry.AttemptsBeforeAttention = 0);
        await using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IMotionPipeline>().StartAsync(CancellationToken.None);

        (await start.Should().ThrowAsync<StartupException>()).Which.Problems.Should().Equal(
            "settings: MotionServer:Retry:AttemptsBeforeAttention = \"0\": must be between 1 and 1000");
    }

    [Fact]
    public async Task AHost_WithBadSettings_IsRefusedAtItsStart()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddMotionServer(Settings(("MotionServer:Download:Workers", "0")));
        using var host = builder.Build();

        var start = () => host.StartAsync(CancellationToken.None);

        (await start.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("MotionServer:Download:Workers = \"0\": must be between 1 and 64");
        Directory.EnumerateFileSystemEntries(_folder.Path).Should().BeEmpty("nothing is written before the settings are good");
    }

    [Fact]
    public async Task AReplacedPipeline_WithoutABoardOfItsOwn_IsRefusedAtTheStart_SayingWhatToDo()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IMotionPipeline, OtherPipeline>();
        builder.Services.AddMotionServer(Settings());
        using var host = builder.Build();

        var start = () => host.StartAsync(CancellationToken.None);

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should()
            .Contain(typeof(OtherPipeline).FullName!).And.Contain("register the INoticeBoard it displays");
    }

    [Fact]
    public async Task AReplacedPipeline_WithABoardOfItsOwn_GetsThatBoard()
    {
        var board = new OtherBoard();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IMotionPipeline, OtherPipeline>();
        services.AddSingleton<INoticeBoard>(board);
        services.AddMotionServer(Settings());
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<INoticeBoard>().Should().BeSameAs(board);
    }

    [Fact]
    public async Task ARosterSourceOfTheEmbeddersOwn_GivesThePipelineItsRoster()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMotionServer(Settings()).UseRosterSource(_ => new FixedSource(MotionRoster.Create([new RosterEntry
        {
            MotionId = 817, StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 12, 31), FileId = "AAA",
        }])));
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<IMotionPipeline>();

        await pipeline.StartAsync(CancellationToken.None);
        try
        {
            pipeline.Fleet.GetSnapshot().Motions.Select(m => m.Id).Should().Equal(817);
        }
        finally
        {
            await pipeline.StopAsync(CancellationToken.None);
        }
    }

    private sealed class FixedSource(MotionRoster roster) : IRosterSource
    {
        public MotionRoster Current => roster;

        public IReadOnlyList<RosterProblem> Problems => [];

        public void Load()
        {
        }

        public RosterRefresh Refresh() => RosterRefresh.Unchanged;
    }

    private sealed class OtherPipeline : IMotionPipeline
    {
        public IMotionFleet Fleet => throw new NotSupportedException();

        public Task<Exception> Failure => new TaskCompletionSource<Exception>().Task;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class OtherBoard : INoticeBoard
    {
        public IReadOnlyList<Notice> Current => [];

        public void Raise(string code, NoticeSeverity severity, string text)
        {
        }

        public void Clear(string code)
        {
        }
    }
}
