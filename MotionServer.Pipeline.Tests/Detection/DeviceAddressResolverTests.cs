using System.Net;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Detection.Dns;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Detection;

public class DeviceAddressResolverTests
{
    [Fact]
    public async Task ResolveAsync_RouterCatchAllAddress_CountsAsNotFound()
    {
        using var temp = new TemporaryFolder();
        var hosts = new HostsFile(temp.Write("hosts", "10.10.10.10 motion-1\n127.0.0.2 motion-2\n"));
        var resolver = new DeviceAddressResolver(hosts, [IPAddress.Parse("10.10.10.10")]);

        (await resolver.ResolveAsync("motion-1", CancellationToken.None)).Should().BeNull();
        (await resolver.ResolveAsync("motion-2", CancellationToken.None)).Should().Be(IPAddress.Parse("127.0.0.2"));
    }

    [Fact]
    public async Task ResolveAsync_NameNotInHostsFile_AsksTheOperatingSystem()
    {
        var resolver = new DeviceAddressResolver(hostsFile: null, ignored: []);

        // "localhost" resolves everywhere without a network (a name not found would be asked of the machine's name
        // server, beyond loopback: not here).
        (await resolver.ResolveAsync("localhost", CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task ResolveAsync_HostsFilesOnly_ReadsTheEventsThenTheSystemsHostsFile_AndNothingElse()
    {
        using var temp = new TemporaryFolder();
        var eventHosts = new HostsFile(temp.Write("event-hosts", "127.0.0.2 motion-2\n"));
        var systemHosts = new HostsFile(temp.Write("etc-hosts", "127.0.0.3 motion-3\n"));
        using var resolver = new DeviceAddressResolver(eventHosts, [], choice: NameLookupChoice.HostsFilesOnly, systemHostsFile: systemHosts);

        (await resolver.ResolveAsync("motion-2", CancellationToken.None)).Should().Be(IPAddress.Parse("127.0.0.2"));
        (await resolver.ResolveAsync("motion-3", CancellationToken.None)).Should().Be(IPAddress.Parse("127.0.0.3"));
        (await resolver.ResolveAsync("localhost", CancellationToken.None)).Should().BeNull("the system's resolver would find localhost; only the two files are read");
        resolver.EndsWithinTimeout.Should().BeTrue("a lookup in files ends at once");
    }

    [Fact]
    public async Task ResolveAsync_BeyondQueriesPerSecond_DoesNotAsk_AndCountsTheNameNotFound()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(); // the second never ends unless advanced
        var resolver = new DeviceAddressResolver(hostsFile: null, ignored: [], queriesPerSecond: 2, time: time);

        (await resolver.ResolveAsync("localhost", CancellationToken.None)).Should().NotBeNull();
        (await resolver.ResolveAsync("localhost", CancellationToken.None)).Should().NotBeNull();
        (await resolver.ResolveAsync("localhost", CancellationToken.None)).Should().BeNull("a third query within the second is not sent");
        time.Advance(TimeSpan.FromSeconds(1));
        (await resolver.ResolveAsync("localhost", CancellationToken.None)).Should().NotBeNull("a second later it is");
    }
}
