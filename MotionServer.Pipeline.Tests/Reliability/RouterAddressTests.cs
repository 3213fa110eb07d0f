using System.Diagnostics;
using MotionServer.Emulator.Fleet;
using MotionServer.Pipeline.Notices;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Integration;
using MotionServer.Pipeline.Tests.Reliability.Support;

namespace MotionServer.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 4, guarantee 3 and docs/troubleshooting.md: a router that answers every unknown name with 10.10.10.10. Such a name
/// means "not on the network": the server never talks to that address, says so once in the log, keeps looking, and
/// finds the device promptly once its name resolves to it.
/// </summary>
public sealed class RouterAddressTests : ReliabilityTest
{
    [Fact]
    public async Task NameResolvingToTheRoutersCatchAllAddress_IsNotFound_LoggedOnce_AndFoundOnceItResolves()
    {
        await using var fleet = await FleetBuilder.StartAsync([871, 872], tracksPerDevice: 1, join: false);
        await fleet[871].JoinAsync();
        string hosts = Path.Combine(EventDirectory, "config", "router-hosts");
        Directory.CreateDirectory(Path.GetDirectoryName(hosts)!);
        AtomicText.Write(hosts, $"10.10.10.10 motion-871\n{fleet[872].Address} motion-872\n");
        await using var server = await StartAsync(fleet, configure: o => o.Network.HostsFile = "config/router-hosts");

        string said = await WaitForLogAsync(server, m => m.StartsWith("motion-871 ", StringComparison.Ordinal) && m.Contains("10.10.10.10", StringComparison.Ordinal));
        await fleet[872].JoinAsync(); // a later arrival: detection sweeps go on meanwhile
        await server.WaitForCompletedAsync(872, tracks: 1);

        said.Should().Contain("not on the network");
        server.Log.Messages().Count(m => m.StartsWith("motion-871 ", StringComparison.Ordinal) && m.Contains("10.10.10.10", StringComparison.Ordinal))
            .Should().Be(1, "said once, not at every sweep");
        server.Fleet.GetMotion(871)!.Status.Should().Be(MotionStatus.Waiting, "an absent device is waiting, not failed: no staff alarm for every device still at sea");
        fleet[871].RequestCount.Should().Be(0);
        var status = await server.ForStatusAsync(s => s.NoticeCodes().Contains(NoticeCodes.CatchAllAddress),
            page => page.Contains("id=\"notice-router-catch-all-address\"", StringComparison.Ordinal));
        status.GetProperty("notices")[0].GetProperty("text").GetString().Should().Contain("answers unknown device names with 10.10.10.10");

        var clock = Stopwatch.StartNew();
        AtomicText.Write(hosts, $"{fleet[871].Address} motion-871\n{fleet[872].Address} motion-872\n");
        await server.WaitForCompletedAsync(871, tracks: 1);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the hosts file is re-read and the next sweep finds the device");
        await server.ForStatusAsync(s => s.NoticeCodes().Count == 0, page => !page.Contains("notice-router-catch-all-address", StringComparison.Ordinal));
        server.Log.Lines.Where(l => l.Message.StartsWith("The network answers unknown device names", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Warning);
        server.Log.Messages().Should().ContainSingle(m => m.StartsWith("Resolved - The network answers unknown device names", StringComparison.Ordinal));
        Watch!.ShouldHaveSeenNoViolation();
        EventFolderScan.ShouldHoldExactly(server.Folder, ExpectedTracks.Of(fleet, PipelineHarness.RosterFor(fleet)));
    }
}
