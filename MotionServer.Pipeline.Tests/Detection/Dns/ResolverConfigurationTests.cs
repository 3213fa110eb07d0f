using System.Net;
using MotionServer.Pipeline.Detection.Dns;

namespace MotionServer.Pipeline.Tests.Detection.Dns;

public class ResolverConfigurationTests
{
    [Fact]
    public void Parse_NameServers_AtMostThreeInOrder_OnPort53()
    {
        var configuration = ResolverConfiguration.Parse("""
            # the router first
            nameserver 192.168.1.1
            nameserver fe80::1
            nameserver not-an-address
            nameserver 10.0.0.1
            nameserver 10.0.0.2
            """)!;

        configuration.NameServers.Should().Equal(
            new IPEndPoint(IPAddress.Parse("192.168.1.1"), 53),
            new IPEndPoint(IPAddress.Parse("fe80::1"), 53),
            new IPEndPoint(IPAddress.Parse("10.0.0.1"), 53));
    }

    [Theory]
    [InlineData("")]
    [InlineData("search lan\noptions ndots:2\n")]
    [InlineData("# nameserver 192.168.1.1\n; nameserver 192.168.1.2\nnameserver\n")]
    public void Parse_NoUsableNameServer_IsNull(string text) => ResolverConfiguration.Parse(text).Should().BeNull();

    [Fact]
    public void Read_MissingFile_IsNull() => ResolverConfiguration.Read("/nonexistent/resolv.conf").Should().BeNull();

    [Fact]
    public void Parse_LastOfSearchAndDomain_Wins()
    {
        ResolverConfiguration.Parse("nameserver 1.1.1.1\nsearch a.lan b.lan.\ndomain c.lan\n")!.SearchDomains.Should().Equal("c.lan");
        ResolverConfiguration.Parse("nameserver 1.1.1.1\ndomain c.lan\nsearch a.lan b.lan. # two\n")!.SearchDomains.Should().Equal("a.lan", "b.lan");
    }

    [Fact]
    public void Parse_Ndots_DefaultsToOne_LastOptionWins()
    {
        ResolverConfiguration.Parse("nameserver 1.1.1.1\n")!.Ndots.Should().Be(1);
        ResolverConfiguration.Parse("nameserver 1.1.1.1\noptions edns0 ndots:2 rotate\noptions ndots:3\n")!.Ndots.Should().Be(3);
        ResolverConfiguration.Parse("nameserver 1.1.1.1\noptions ndots:99\n")!.Ndots.Should().Be(15);
        ResolverConfiguration.Parse("nameserver 1.1.1.1\noptions ndots:x\n")!.Ndots.Should().Be(1);
    }

    [Fact]
    public void CandidatesFor_FewerDotsThanNdots_SearchDomainsFirst()
    {
        var configuration = ResolverConfiguration.Parse("nameserver 1.1.1.1\nsearch lan home.arpa\n")!;

        configuration.CandidatesFor("motion-817").Should().Equal("motion-817.lan", "motion-817.home.arpa", "motion-817");
    }

    [Fact]
    public void CandidatesFor_AsManyDotsAsNdots_NameFirst()
    {
        var configuration = ResolverConfiguration.Parse("nameserver 1.1.1.1\nsearch lan\noptions ndots:1\n")!;

        configuration.CandidatesFor("motion-817.event").Should().Equal("motion-817.event", "motion-817.event.lan");
    }

    [Fact]
    public void CandidatesFor_FullyQualifiedOrNoSearch_NameOnly()
    {
        ResolverConfiguration.Parse("nameserver 1.1.1.1\nsearch lan\n")!.CandidatesFor("motion-817.").Should().Equal("motion-817");
        ResolverConfiguration.Parse("nameserver 1.1.1.1\n")!.CandidatesFor("motion-817").Should().Equal("motion-817");
    }
}
