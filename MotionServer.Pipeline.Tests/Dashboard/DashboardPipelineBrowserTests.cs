using MotionServer.Emulator.Faults;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>
/// The dashboards as the staff see them: Debian's chromium, headless, reading index.html that a running pipeline
/// writes while it serves an emulated device over loopback. Only the page's own meta refresh brings new states.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DashboardPipelineBrowserTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [BrowserFact]
    public async Task RunningPipeline_DeviceGoesFromConnectedToCompleted_ThroughTheAutoRefresh()
    {
        await using var fleet = await FleetBuilder.StartAsync([817], tracksPerDevice: 2, join: false);
        // Hold info.json a moment, so "connected" lasts long enough for a page refresh to show it.
        fleet[817].Faults.Add(DeviceFault.Delay(TimeSpan.FromSeconds(3), "/info.json").Once());
        await using var server = await PipelineHarness.StartAsync(_temp.Path, fleet, PipelineHarness.RosterFor(fleet),
            o => o.Dashboard.Interval = TimeSpan.FromSeconds(1));
        using var browser = HeadlessChromium.Start();
        browser.Open(new Uri(Path.Combine(server.Folder.DashboardsDirectory, "index.html")));
        browser.Attribute("#device-817", "data-status").Should().Be("waiting");

        await fleet[817].JoinAsync();
        await browser.WaitForAsync(b => b.Attribute("#device-817", "data-status") == "connected", "motion-817 connected", Timeout);
        int refreshesWhenConnected = browser.Refreshes;
        await browser.WaitForAsync(b => b.Attribute("#device-817", "data-status") == "completed", "motion-817 completed", Timeout);

        browser.Refreshes.Should().BeGreaterThan(refreshesWhenConnected, "the page reloaded itself to show the change");
        browser.TextOf("#can-be-disconnected").Should().Contain("motion-817");
        server.Fleet.GetMotion(817)!.Status.Should().Be(MotionStatus.Completed);
        browser.Screenshot().Take(4).Should().Equal(0x89, 0x50, 0x4E, 0x47);
        browser.SaveScreenshot("dashboard-pipeline-completed");
    }
}
