using System.Net;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Detection.Dns;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Detection.Dns;

public sealed class DirectNameLookupTests : IAsyncDisposable
{
    private readonly TestDnsServer _first = new();
    private readonly TestDnsServer _second = new();
    private readonly TemporaryFolder _folder = new();
    private readonly FakeTimeProvider _time = new();

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>resolv.conf names 127.0.0.2 and 127.0.0.3; the tests' servers listen on loopback ports of their own.</summary>
    private DnsLookupClient ClientFor(IReadOnlyList<IPEndPoint> servers) =>
        new([.. servers.Select(s => s.Address.Equals(IPAddress.Parse("127.0.0.2")) ? _first.EndPoint : _second.EndPoint)]);

    [Fact]
    public async Task LookUpAsync_ResolvConfChanged_AsksTheNewServer_AfterTheRecheck()
    {
        _first.Names["motion-1"] = IPAddress.Parse("192.168.1.1");
        _second.Names["motion-1"] = IPAddress.Parse("192.168.2.1");
        string path = _folder.Write("resolv.conf", "nameserver 127.0.0.2\n");
        var configuration = ResolverConfiguration.Read(path)!;
        using var lookup = new DirectNameLookup(configuration, ClientFor(configuration.NameServers), TimeSpan.FromSeconds(5), _time, path, ClientFor);

        (await lookup.LookUpAsync("motion-1").WaitAsync(Patience.Timeout)).Should().Equal(IPAddress.Parse("192.168.1.1"));
        File.WriteAllText(path, "# the event's network\nnameserver 127.0.0.3\n");
        (await lookup.LookUpAsync("motion-1").WaitAsync(Patience.Timeout)).Should().Equal(new[] { IPAddress.Parse("192.168.1.1") }, "the file is looked at every 5 s at most");
        _time.Advance(DirectNameLookup.RecheckEvery);

        (await lookup.LookUpAsync("motion-1").WaitAsync(Patience.Timeout)).Should().Equal(IPAddress.Parse("192.168.2.1"));
    }

    [Fact]
    public async Task LookUpAsync_ResolvConfWithoutServerNow_KeepsAskingTheLastOne()
    {
        _first.Names["motion-1"] = IPAddress.Parse("192.168.1.1");
        string path = _folder.Write("resolv.conf", "nameserver 127.0.0.2\n");
        var configuration = ResolverConfiguration.Read(path)!;
        using var lookup = new DirectNameLookup(configuration, ClientFor(configuration.NameServers), TimeSpan.FromSeconds(5), _time, path, ClientFor);

        File.WriteAllText(path, "# being rewritten by the network manager\n");
        _time.Advance(DirectNameLookup.RecheckEvery);

        (await lookup.LookUpAsync("motion-1").WaitAsync(Patience.Timeout)).Should().Equal(IPAddress.Parse("192.168.1.1"));
    }
}
