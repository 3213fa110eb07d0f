using System.Net;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Detection.Dns;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Detection.Dns;

/// <summary><see cref="DeviceAddressResolver"/> asking a name server on loopback directly.</summary>
public sealed class DirectDeviceAddressResolverTests : IAsyncDisposable
{
    private static readonly IPAddress Device = IPAddress.Parse("192.168.1.17");
    private static readonly IPAddress CatchAll = IPAddress.Parse("10.10.10.10");

    private readonly TestDnsServer _server = new();
    private readonly TemporaryFolder _folder = new();
    private readonly DeviceAddressResolver _resolver;

    public DirectDeviceAddressResolverTests()
    {
        var configuration = ResolverConfiguration.Parse("nameserver 127.0.0.1\nsearch event.lan\n")!;
        var direct = new DirectNameLookup(configuration, new DnsLookupClient([_server.EndPoint]), TimeSpan.FromSeconds(5));
        _resolver = new DeviceAddressResolver(
            new HostsFile(_folder.Write("event-hosts", "192.168.1.20 motion-20\n")), [CatchAll],
            choice: new NameLookupChoice(direct, "direct", "for the test"),
            systemHostsFile: new HostsFile(_folder.Write("system-hosts", "192.168.1.30 motion-30\n192.168.1.99 motion-20\n")));
    }

    public async ValueTask DisposeAsync()
    {
        _resolver.Dispose();
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    private Task<IPAddress?> Resolve(string name) => _resolver.ResolveAsync(name, CancellationToken.None).WaitAsync(Patience.Timeout);

    [Fact]
    public async Task ResolveAsync_NameOfTheSearchDomain_IsFound_AfterAskingItFirst()
    {
        _server.Names["motion-1.event.lan"] = Device;

        (await Resolve("motion-1")).Should().Be(Device);
        _server.Asked.Should().Equal("motion-1.event.lan");
        _resolver.EndsWithinTimeout.Should().BeTrue();
    }

    [Fact]
    public async Task ResolveAsync_NameAsGiven_IsAskedAfterTheSearchDomain()
    {
        _server.Names["motion-1"] = Device;

        (await Resolve("motion-1")).Should().Be(Device);
        _server.Asked.Should().Equal("motion-1.event.lan", "motion-1");
    }

    [Fact]
    public async Task ResolveAsync_UnknownName_IsNotFound()
    {
        (await Resolve("motion-2")).Should().BeNull();
        _server.Asked.Should().Equal("motion-2.event.lan", "motion-2");
    }

    [Fact]
    public async Task ResolveAsync_CatchAllAnswer_IsNotFound()
    {
        _server.Names["motion-3"] = CatchAll;

        (await Resolve("motion-3")).Should().BeNull();
        _resolver.NamesAnsweredByCatchAll.Should().Be(1);
    }

    [Fact]
    public async Task ResolveAsync_HostsFiles_EventsFirst_ThenTheSystems_BeforeDns()
    {
        _server.Names["motion-20"] = Device;
        _server.Names["motion-30"] = Device;

        (await Resolve("motion-20")).Should().Be(IPAddress.Parse("192.168.1.20"));
        (await Resolve("motion-30")).Should().Be(IPAddress.Parse("192.168.1.30"));
        _server.Queries.Should().Be(0);
    }

    [Fact]
    public async Task ResolveAsync_TruncatedAnswer_AsksTheSystemResolver()
    {
        _server.Truncated["localhost.event.lan"] = true;

        (await Resolve("localhost")).Should().NotBeNull("the system resolver knows localhost; DNS said only that its answer was too long");
    }
}
