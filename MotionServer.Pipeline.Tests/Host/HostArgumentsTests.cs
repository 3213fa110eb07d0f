using MotionServer.Host.CommandLine;

namespace MotionServer.Pipeline.Tests.Host;

public class HostArgumentsTests
{
    [Fact]
    public void Parse_OwnSwitchesAndConfigurationSwitches_AreSeparated()
    {
        var parsed = HostArguments.Parse(["--event-dir", "ev", "--demo", "--settings=s.json", "--MotionServer:Network:Port=8080", "--MotionServer:Detection:Workers", "2"], out var error);

        error.Should().BeNull();
        parsed!.EventDirectory.Should().Be("ev");
        parsed.SettingsFile.Should().Be("s.json");
        parsed.Demo.Should().BeTrue();
        parsed.ConfigurationArguments.Should().Equal("--MotionServer:Network:Port=8080", "--MotionServer:Detection:Workers", "2");
    }

    [Fact]
    public void Parse_VersionAndDryRun_AreOwnSwitches()
    {
        var parsed = HostArguments.Parse(["--dry-run", "--version"], out var error);

        error.Should().BeNull();
        parsed!.DryRun.Should().BeTrue();
        parsed.Version.Should().BeTrue();
        parsed.ConfigurationArguments.Should().BeEmpty();
        HostArguments.Usage.Should().Contain("--dry-run").And.Contain("--version");
    }

    [Theory]
    [InlineData("--event-dir", "--event-dir needs a value")]
    [InlineData("--bogus", "unknown option '--bogus'")]
    public void Parse_Mistakes_AreReported(string arg, string message)
    {
        HostArguments.Parse([arg], out var error).Should().BeNull();
        error.Should().Be(message);
    }
}
