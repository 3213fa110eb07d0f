using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotionServer.Host.Dashboard;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>
/// Issue 17: a phone reading a page slowly over <c>Dashboard:Listen</c> held Kestrel's graceful stop for the whole
/// budget, and only then did the pipeline begin its stop, with an already-cancelled token. Now the pipeline's stop
/// begins first and the web server gets a bounded share beside it.
/// </summary>
public sealed class DashboardStopTests : IDisposable
{
    private const int Device = 871;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(4);

    private readonly TemporaryFolder _folder = new();
    private readonly CapturingLoggerProvider _log = new();

    public void Dispose()
    {
        _folder.Dispose();
        _log.Dispose();
    }

    [Fact]
    public async Task Stop_WithAPhoneReadingSlowly_TheDownloadInFlightFinishesAndTheStopFitsTheBudget()
    {
        await using var fleet = await FleetBuilder.StartAsync([Device], tracksPerDevice: 1, bandwidth: 20_000); // ~4 s for the track
        var track = fleet[Device].Tracks[0];
        var nearlyThere = NearlyThere(fleet[Device], track.Size - 24_000); // ~1.2 s left
        using var host = BuildHost(fleet);
        await host.StartAsync().WaitAsync(Patience.Timeout);
        var web = host.Services.GetRequiredService<DashboardWebServer>();
        string dashboards = Path.Combine(_folder.Path, "dashboards");
        await File.WriteAllTextAsync(Path.Combine(dashboards, "big.txt"), new string('x', 64 * 1024 * 1024));
        using var phone = await StartReadingSlowlyAsync(new Uri(web.Addresses.Single()), "/big.txt");
        await nearlyThere.WaitAsync(PipelineHarness.DefaultTimeout).ContinueWith(t => t.IsCompletedSuccessfully ? t : throw new TimeoutException(
            $"motion-{Device} did not come near the end of its track: {string.Join(" | ", _log.Messages().TakeLast(12))}"));

        var clock = Stopwatch.StartNew();
        await host.StopAsync().WaitAsync(Patience.Timeout);
        clock.Stop();

        clock.Elapsed.Should().BeLessThan(ShutdownTimeout, "the slow phone is cut after the web server's share, beside the pipeline's stop");
        var motion = host.Services.GetRequiredService<IMotionPipeline>().Fleet.GetMotion(Device)!;
        motion.Tracks.Completed.Should().Be(1, "the download in flight had the drain time to finish");
    }

    private static Task NearlyThere(global::MotionServer.Emulator.Devices.EmulatedDevice device, long bytes)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        device.BodyProgress += (_, p) =>
        {
            if (p.BytesSent > bytes)
            {
                done.TrySetResult();
            }
        };
        return done.Task;
    }

    /// <summary>The host as the server builds it: the pipeline, then the dashboard server (stopped first).</summary>
    private IHost BuildHost(global::MotionServer.Emulator.Fleet.EmulatedFleet fleet)
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "config"));
        fleet.WriteHostsFile(Path.Combine(_folder.Path, "config", "hosts"));
        var harness = PipelineHarness.OptionsFor(_folder.Path, fleet);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder.Path });
        builder.Logging.AddProvider(_log);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = ShutdownTimeout + StopBudget.HostMargin);
        builder.Services.AddMotionServer(o =>
        {
            o.EventDirectory = _folder.Path;
            o.Network.HostsFile = harness.Network.HostsFile;
            o.Network.Port = harness.Network.Port;
            o.Detection.Interval = harness.Detection.Interval;
            o.Disconnection.Interval = TimeSpan.FromSeconds(30);
            o.Dashboard.Interval = harness.Dashboard.Interval;
            o.Download.RequestTimeout = harness.Download.RequestTimeout;
            o.Host.ShutdownTimeout = ShutdownTimeout;
        }).UseRoster(PipelineHarness.RosterFor(fleet));
        builder.Services.AddDashboardWebServer("http://127.0.0.1:0", Path.Combine(_folder.Path, "dashboards"));
        return builder.Build();
    }

    /// <summary>A phone that asks for a big page, reads the first bytes of the answer and then reads no more.</summary>
    private static async Task<TcpClient> StartReadingSlowlyAsync(Uri server, string path)
    {
        var client = new TcpClient { ReceiveBufferSize = 4096 };
        await client.ConnectAsync(server.Host, server.Port).WaitAsync(Patience.Timeout);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {server.Authority}\r\n\r\n"));
        byte[] start = new byte[12];
        await stream.ReadExactlyAsync(start).AsTask().WaitAsync(Patience.Timeout);
        Encoding.ASCII.GetString(start).Should().Be("HTTP/1.1 200");
        return client;
    }
}
