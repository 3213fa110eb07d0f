using Microsoft.Extensions.Logging.Abstractions;
using MotionServer.Host.Dashboard;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Dashboard;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Storage;
using static MotionServer.Pipeline.Tests.Dashboard.DashboardSamples;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Dashboard;

[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly TemporaryFolder _folder = new();
    private readonly EventFolder _eventFolder;
    private readonly DashboardPublisher _publisher;

    public DashboardBrowserTests()
    {
        _eventFolder = new EventFolder(_folder.Path);
        _publisher = new DashboardPublisher(
            new DashboardOptions { Interval = TimeSpan.FromSeconds(1) }, // the pages reload every second
            _eventFolder,
            () => throw new InvalidOperationException("these tests render by hand"),
            Time(),
            NullLogger<DashboardPublisher>.Instance,
            strictVariables: true);
    }

    public void Dispose() => _folder.Dispose();

    [BrowserFact]
    public async Task Open_FilePage_FollowsDeviceFromConnectedToCompletedThroughMetaRefresh()
    {
        _publisher.RenderNow(Device(MotionStatus.Connected));
        using var browser = HeadlessChromium.Start();
        browser.Open(new Uri(Path.Combine(_eventFolder.DashboardsDirectory, "index.html")));
        browser.Attribute("#device-817", "data-status").Should().Be("connected");
        browser.Text.Should().Contain("motion-817").And.Contain("Can be disconnected (0)");

        _publisher.RenderNow(Device(MotionStatus.Completed));
        await browser.WaitForAsync(b => b.Attribute("#device-817", "data-status") == "completed", "motion-817 completed", Timeout);

        browser.Refreshes.Should().BeGreaterThanOrEqualTo(1, "only a reload can bring the new page");
        browser.Text.Should().Contain("Can be disconnected (1)");
        browser.TextOf("#can-be-disconnected li").Should().Contain("motion-817");
        byte[] png = browser.Screenshot();
        png.Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        browser.SaveScreenshot("dashboard-file-completed");
    }

    [BrowserFact]
    public async Task ReadAfterRefreshes_HttpPageOnAPhone_ReadsTheLatestRender()
    {
        _publisher.RenderNow(Fleet());
        var server = new DashboardWebServer("http://127.0.0.1:0", _eventFolder.DashboardsDirectory, NullLoggerFactory.Instance);
        await server.StartAsync(CancellationToken.None).WaitAsync(Timeout);
        try
        {
            using var browser = HeadlessChromium.Start(width: 412, height: 1800);
            var reading = browser.ReadAfterRefreshesAsync(new Uri(server.Addresses.Single()), refreshes: 2, Timeout);
            _publisher.RenderNow(Fleet(running: false));

            var (text, screenshot) = await reading;

            text.Should().Contain("Server stopped").And.Contain("Needs attention (1)").And.Contain("motion-823");
            browser.Refreshes.Should().BeGreaterThanOrEqualTo(2);
            screenshot.Length.Should().BeGreaterThan(1000);
            browser.SaveScreenshot("dashboard-http-phone-stopped");
        }
        finally
        {
            await server.StopAsync(CancellationToken.None).WaitAsync(Timeout);
        }
    }

    [BrowserFact]
    public async Task Open_HostileDevice_NoScriptRunsInTheBrowser()
    {
        _publisher.RenderNow(Hostile());
        using var browser = HeadlessChromium.Start();
        browser.Open(new Uri(Path.Combine(_eventFolder.DashboardsDirectory, "index.html")));
        await browser.WaitForRefreshesAsync(1, Timeout);

        browser.TextOf("#device-666 .username").Should().Be(HostileUsername);
        browser.Count("script, img, iframe, svg, [onerror], [onload]").Should().Be(0);
        browser.Text.Should().Contain("alert(");
    }

    private static FleetSnapshot Device(MotionStatus status) => new()
    {
        Generated = Now,
        Running = true,
        Motions =
        [
            Seen(817, status, TimeSpan.FromSeconds(5)) with
            {
                Tracks = status == MotionStatus.Completed ? new TrackCounts(0, 0, 3, 0, 0) : TrackCounts.None,
                LastCompleted = status == MotionStatus.Completed ? Now : null,
            },
            Waiting(818),
        ],
        EventDirectory = "/events/browser",
    };
}
