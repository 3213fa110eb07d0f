using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Detection.Dns;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Detection.Dns;

public class NameLookupChoiceTests
{
    [Theory]
    [InlineData("hosts: files dns\n", true)]
    [InlineData("hosts:\tfiles mdns4_minimal [NOTFOUND=return] resolve [!UNAVAIL=return] dns\n", true)]
    [InlineData("passwd: files\nhosts: files resolve\n", true)]
    [InlineData("hosts: files myhostname\n", false)]
    [InlineData("# hosts: dns\nhosts: files\n", false)]
    [InlineData("passwd: files\n", true)] // no hosts line: glibc's default asks DNS
    public void HostsLineAsksDns(string nsswitch, bool asks) => NameLookupChoice.HostsLineAsksDns(nsswitch).Should().Be(asks);

    [Fact]
    public void Make_SettingHosts_IsTheHostsFilesOnly()
    {
        var options = new MotionServerOptions();
        options.Detection.NameLookup = "Hosts";

        var choice = NameLookupChoice.Make(options);

        choice.HostsOnly.Should().BeTrue();
        choice.Direct.Should().BeNull("no name server is asked");
        choice.How.Should().Be("the hosts files only");
        choice.Why.Should().Be("Detection:NameLookup is hosts");
    }

    [Fact]
    public void Make_SettingSystem_IsTheSystemResolver()
    {
        var options = new MotionServerOptions();
        options.Detection.NameLookup = "System";

        var choice = NameLookupChoice.Make(options);

        choice.Direct.Should().BeNull();
        choice.Why.Should().Be("Detection:NameLookup is system");
    }

    [Fact]
    public void Make_NoNameServer_FallsBackToTheSystemResolver_AndSaysWhy()
    {
        using var folder = new TemporaryFolder();
        var choice = NameLookupChoice.Make(new MotionServerOptions(), folder.Write("resolv.conf", "search lan\n"), folder.Write("nsswitch.conf", "hosts: files dns\n"));

        choice.Direct.Should().BeNull();
        choice.Why.Should().EndWith("resolv.conf names no usable name server");
    }

    [Fact]
    public void Make_HostsNotAskedOfDns_FallsBackToTheSystemResolver()
    {
        using var folder = new TemporaryFolder();
        var choice = NameLookupChoice.Make(new MotionServerOptions(), folder.Write("resolv.conf", "nameserver 127.0.0.1\n"), folder.Write("nsswitch.conf", "hosts: files\n"));

        choice.Direct.Should().BeNull();
        choice.Why.Should().Contain("does not ask DNS");
    }

    [Fact]
    public void Make_LocalNames_AreLeftToTheSystemResolver()
    {
        using var folder = new TemporaryFolder();
        var options = new MotionServerOptions();
        options.Network.HostnameTemplate = "motion-{id}.local";

        NameLookupChoice.Make(options, folder.Write("resolv.conf", "nameserver 127.0.0.1\n"), folder.Write("nsswitch.conf", "hosts: files dns\n"))
            .Direct.Should().BeNull();
    }

    [Fact]
    public void Make_UsableConfiguration_AsksDnsDirectly()
    {
        using var folder = new TemporaryFolder();
        var choice = NameLookupChoice.Make(new MotionServerOptions(), folder.Write("resolv.conf", "nameserver 127.0.0.1\n"), folder.Write("nsswitch.conf", "hosts: files dns\n"));
        using var direct = choice.Direct;

        if (!OperatingSystem.IsLinux())
        {
            direct.Should().BeNull("direct lookups are for Linux");
            return;
        }

        direct.Should().NotBeNull();
        choice.How.Should().Be("direct to DNS at 127.0.0.1");
    }
}
