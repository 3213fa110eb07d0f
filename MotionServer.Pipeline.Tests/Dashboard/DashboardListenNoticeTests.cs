using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotionServer.Host.Dashboard;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>A <c>Dashboard:Listen</c> that cannot start shows as a notice on the dashboards (and is logged once).</summary>
public sealed class DashboardListenNoticeTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly CapturingLoggerProvider _log = new();

    public void Dispose()
    {
        _folder.Dispose();
        _log.Dispose();
    }

    [Fact]
    public async Task StartAsync_PortTaken_RaisesTheNoticeOnce_AndAServerThatListensClearsIt()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var loggers = new LoggerFactory([_log]);
        var notices = new NoticeBoard(TimeProvider.System, loggers.CreateLogger("MotionServer.Pipeline"));
        var server = new DashboardWebServer($"http://127.0.0.1:{port}", _folder.Path, loggers, notices);

        await server.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await server.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var notice = notices.Current.Should().ContainSingle().Subject;
        notice.Code.Should().Be(NoticeCodes.DashboardListenFailed);
        notice.Severity.Should().Be(NoticeSeverity.Error);
        notice.Text.Should().StartWith($"Dashboards cannot be served at http://127.0.0.1:{port}: ");
        _log.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Message).Should().Equal(notice.Text);

        var working = new DashboardWebServer("http://127.0.0.1:0", _folder.Path, loggers, notices);
        await working.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await working.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        notices.Current.Should().BeEmpty();
    }

    [Fact]
    public async Task AddMotionServer_NoticeBoard_IsThePipelinesOwn()
    {
        var services = new ServiceCollection();
        services.AddMotionServer(o => o.EventDirectory = _folder.Path);
        await using var provider = services.BuildServiceProvider();

        var board = provider.GetRequiredService<INoticeBoard>();
        board.Raise("test-notice", NoticeSeverity.Warning, "Seen on the dashboards");

        provider.GetRequiredService<IMotionPipeline>().Fleet.GetSnapshot().Notices.Should().ContainSingle()
            .Which.Text.Should().Be("Seen on the dashboards");
    }
}
