using System.Net;
using MotionServer.Pipeline.Detection;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Detection;

public class HostsFileTests
{
    [Fact]
    public void Parse_HostsFormat_IgnoresCommentsAndJunk_FirstLineWins()
    {
        var names = HostsFile.Parse(
        [
            "# event network",
            "192.168.0.218   motion-817   alias-817 # trailing comment",
            "not-an-ip motion-818",
            "",
            "192.168.0.99 motion-817",
            "10.0.0.5",
        ]);

        names.Should().HaveCount(2);
        names["MOTION-817"].Should().Be(IPAddress.Parse("192.168.0.218"));
        names["alias-817"].Should().Be(IPAddress.Parse("192.168.0.218"));
    }

    [Fact]
    public void Lookup_FileRewritten_IsReRead()
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("hosts", "127.0.0.2 motion-1\n");
        var hosts = new HostsFile(path, recheckEvery: TimeSpan.Zero);
        hosts.Lookup("motion-1").Should().Be(IPAddress.Parse("127.0.0.2"));

        File.WriteAllText(path, "127.0.0.3 motion-1\n127.0.0.4 motion-2\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        hosts.Lookup("motion-1").Should().Be(IPAddress.Parse("127.0.0.3"));
        hosts.Lookup("motion-2").Should().Be(IPAddress.Parse("127.0.0.4"));
        hosts.Lookup("motion-3").Should().BeNull();
    }

    [Fact]
    public void Lookup_FileRewrittenWithinTheRecheckPeriod_KeepsTheCopyItHas()
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("hosts", "127.0.0.2 motion-1\n");
        var hosts = new HostsFile(path, recheckEvery: TimeSpan.FromHours(1));
        hosts.Lookup("motion-1").Should().Be(IPAddress.Parse("127.0.0.2"));

        File.WriteAllText(path, "127.0.0.3 motion-1\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        hosts.Lookup("motion-1").Should().Be(IPAddress.Parse("127.0.0.2"), "the file is looked at again only after the recheck period");
    }
}
