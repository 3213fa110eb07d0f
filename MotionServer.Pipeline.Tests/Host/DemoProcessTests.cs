using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MotionServer.Pipeline.Tests.Reliability.Support;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Host;

/// <summary>
/// The real executable's <c>--demo</c>: the fleet runs in the emulator program beside the server (the server holds none of
/// its code), the server downloads from it, and a stop of the server takes the fleet down with it.
/// </summary>
public sealed partial class DemoProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Demo_AfterASlashSetting_RunsTheFleetBesideTheServerAndStopsItWithTheServer()
    {
        string folder = Path.Combine(_temp.Path, "demo");
        await using var host = HostProcess.Start(_temp.Path, "/MotionServer:Dashboard:Interval=00:00:01", "--demo", "--event-dir", folder);

        string running = await host.WaitForLineAsync(l => l.Contains("Demo: 12 emulated Motion devices on 127.0.0.2", StringComparison.Ordinal), StartTimeout);
        await host.WaitForLineAsync(l => l.EndsWith(" is connected", StringComparison.Ordinal), StartTimeout);
        int port = int.Parse(PortOf().Match(running).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        host.Terminate();

        (await host.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, string.Join(Environment.NewLine, host.Output));
        File.ReadAllLines(Path.Combine(folder, "config", "motions.csv")).Should().HaveCountGreaterThan(12, "the fleet wrote the demo's roster");
        using var client = new TcpClient();
        var connect = async () => await client.ConnectAsync(new IPEndPoint(IPAddress.Parse("127.0.0.2"), port));
        await connect.Should().ThrowAsync<SocketException>("the fleet stopped with the server");
    }

    [GeneratedRegex(@"port (\d+)")]
    private static partial Regex PortOf();
}
